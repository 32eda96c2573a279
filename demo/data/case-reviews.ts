/**
 * The case reviews the source documents record, for the case review register (issue 16). Every
 * fact names its document (file name, in SOURCE_DOCUMENTS) and where in it. The register needs
 * some facts the documents never give (when the local authority became aware, when the National
 * Panel was notified, when a review was commissioned): those are labelled illustrative, and every
 * illustrative text says "(illustrative)" in the ledger too.
 *
 * The sign-offs, decisions and actions these reviews link are the meetings' own records (loaded
 * with the meetings): the reviews link the sign-offs and name the actions in their findings, so
 * GET /case-reviews/{id}/chain traces each from notification to learning.
 */
import { SOURCE_DOCUMENTS as DOC, type Illustrative, type DemoCaseReview, type SourceRef } from './types-case-reviews';

const wseb = (where: string): SourceRef => ({ document: DOC.wseb20220510, where });
const worcs = (where: string): SourceRef => ({ document: DOC.worcsScb20190313, where });
const illustrative = (why: string, ...fields: string[]): Illustrative => ({ illustrative: why, fields });
const NOT_IN_SOURCES = 'not in the source documents';

/** Warwickshire's CSPR presented to the Executive Board on 10 May 2022 and signed off there. */
const csprJames: DemoCaseReview = {
  id: 'ws-cspr-james',
  boardId: 'wseb',
  steps: [
    {
      path: '',
      on: '2020-09-01',
      body: {
        type: 'rapid-review',
        // The dates before May 2022 are not in the seeds: the record's title says so.
        title: 'Warwickshire CSPR signed off by the Executive Board, May 2022 (dates before then illustrative)',
        awareOn: '2020-09-01',
        boardId: 'wseb',
        // The minutes name the child by first name only; the register holds it sealed, never in the title.
        dataSubjects: [{ subjectId: 'ws-cspr-james-child', relation: 'child', name: 'James' }],
      },
      from: [wseb('item 4, Child Safeguarding Practice Review (James)'), illustrative(NOT_IN_SOURCES, 'awareOn')],
    },
    {
      path: 'national-panel-notification',
      on: '2020-09-04',
      body: { notifiedOn: '2020-09-04' },
      from: [illustrative(NOT_IN_SOURCES, 'notifiedOn')],
    },
    {
      path: 'rapid-review',
      on: '2020-09-18',
      body: {
        completedOn: '2020-09-18',
        outcome:
          '(illustrative) The rapid review recommended a CSPR; its date and outcome are not in the source documents.',
        recommendsCspr: true,
      },
      from: [illustrative(NOT_IN_SOURCES, 'completedOn', 'outcome')],
    },
    {
      path: 'commissioning-decision',
      on: '2020-10-01',
      body: {
        decidedOn: '2020-10-01',
        commission: true,
        reasons:
          '(illustrative) A CSPR was commissioned; the minutes of 10 May 2022 record its report, not the decision.',
      },
      from: [illustrative(NOT_IN_SOURCES, 'decidedOn', 'reasons')],
    },
    {
      path: 'reviewer',
      on: '2020-10-15',
      body: {
        appointedOn: '2020-10-15',
        reviewer: 'Lucy Young, Independent Reviewer',
        termsOfReference: 'A two-year scope, to keep the learning relevant and recent.',
      },
      from: [
        wseb('attendance ("To present: Lucy Young (Independent Reviewer; CSPR James)") and item 4'),
        illustrative(NOT_IN_SOURCES, 'appointedOn'),
      ],
    },
    {
      path: 'drafts',
      on: '2022-05-10',
      body: { version: 'as presented 2022-05-10', receivedOn: '2022-05-10' },
      from: [wseb('item 4: "LY presented her report"')],
    },
    {
      path: 'signoffs',
      on: '2022-05-10',
      body: { signoffId: 'wseb-2022-05-10-so-cspr-james' },
      from: [wseb('item 4: the report and supporting documents signed off, subject to the changes agreed')],
    },
    {
      path: 'findings',
      on: '2022-05-10',
      body: {
        findingId: 'complex-mental-health-needs',
        kind: 'finding',
        text: 'Children with complex social, emotional and mental health needs outside CAMHS criteria are held by social care for want of other support; the board agreed the review should say so.',
        actionIds: ['wseb-2022-05-10-a2', 'wseb-2022-05-10-a3'],
      },
      from: [wseb('item 4: "NM felt this should be included in the review. All agreed." and its two actions')],
    },
    {
      path: 'briefings',
      on: '2022-05-10',
      body: { briefingId: 'lessons-learned', format: 'lessons-learned', title: 'Lessons Learned Briefing' },
      from: [wseb('item 4: "the Lessons Learned Briefing and 7 Minute Briefing were shared with the papers"')],
    },
    {
      path: 'briefings',
      on: '2022-05-10',
      body: { briefingId: '7-minute', format: '7-minute', title: '7 Minute Briefing' },
      from: [wseb('item 4: "the Lessons Learned Briefing and 7 Minute Briefing were shared with the papers"')],
    },
  ],
  notes: [
    'The review identified 6 findings and 12 multi-agency recommendations (item 4); their texts are not in the minutes, so only the finding the board added is recorded.',
    'Publication was planned for June 2022 (item 4): a plan, not a publication or a delay, so neither is recorded.',
  ],
};

/** Worcestershire's serious case review, approved on 13 March 2019, publication held until after the inquest. */
const worcsScr: DemoCaseReview = {
  id: 'worcs-scr-2019',
  boardId: 'worcs-scb',
  steps: [
    {
      path: '',
      on: '2017-06-01',
      body: {
        type: 'serious-case-review',
        title:
          'Worcestershire SCR approved March 2019, step-down to a learning review sought (dates before then illustrative)',
        awareOn: '2017-06-01',
        boardId: 'worcs-scb',
      },
      from: [worcs('Part 1, Strategic Planning: Serious Case reviews'), illustrative(NOT_IN_SOURCES, 'awareOn')],
    },
    {
      path: 'commissioning-decision',
      on: '2017-07-01',
      body: {
        decidedOn: '2017-07-01',
        commission: true,
        reasons:
          '(illustrative) The date is not in the source documents. The board later found the case did not meet the SCR criteria, though the original decision was made in good faith on the information then available.',
      },
      from: [
        worcs('Part 1: "the original decision was made in good faith"'),
        illustrative(NOT_IN_SOURCES, 'decidedOn'),
      ],
    },
    {
      path: 'reviewer',
      on: '2017-08-01',
      body: {
        appointedOn: '2017-08-01',
        reviewer: 'Jon Chapman (author)',
        termsOfReference: '(illustrative) The terms of reference are not in the source documents.',
      },
      from: [
        worcs('Part 1: "Thanks were extended to EF and Jon Chapman (author)"'),
        illustrative(NOT_IN_SOURCES, 'appointedOn', 'termsOfReference'),
      ],
    },
    {
      path: 'drafts',
      on: '2019-03-13',
      body: { version: 'as presented 2019-03-13', receivedOn: '2019-03-13' },
      from: [worcs('Part 1: "The report, which is now ready for publication, was presented to the Board"')],
    },
    {
      path: 'signoffs',
      on: '2019-03-13',
      body: { signoffId: 'worcs-scb-2019-03-13-so-scr-report' },
      from: [worcs('Part 1 and item 3.2: the SCR report approved')],
    },
    {
      path: 'signoffs',
      on: '2019-03-13',
      body: { signoffId: 'worcs-scb-2019-03-13-so-scr-overview-report' },
      from: [worcs('Part 1 and item 3.2: the SCR overview report approved for publication')],
    },
    {
      path: 'publication-delay',
      on: '2019-03-13',
      body: {
        delayedOn: '2019-03-13',
        reason: 'pending-inquest',
        detail:
          'Publication of the report will take place after the inquest has been held; the inquest dates are redacted ("xxx") in the minutes. (illustrative) review date.',
        reviewOn: '2019-09-13',
      },
      from: [worcs('Part 1, decisions 2 and 3'), illustrative(NOT_IN_SOURCES, 'reviewOn')],
    },
    {
      path: 'findings',
      on: '2019-03-13',
      body: {
        findingId: 'scr-criteria-not-met',
        kind: 'finding',
        text: 'The case did not meet the SCR criteria: the National Panel is asked to approve stepping it down to a learning review, which also protects the family’s anonymity.',
        actionIds: ['worcs-scb-2019-03-13-a1'],
      },
      from: [worcs('Part 1: the step-down proposal and its action (letter to the National Panel)')],
    },
    {
      path: 'briefings',
      on: '2019-03-13',
      body: {
        briefingId: 'learning-and-improvement',
        format: 'lessons-learned',
        title: 'Learning and Improvement Briefing (LIB) for practitioners',
      },
      from: [worcs('Part 1: "Findings will be summarised in a Learning and Improvement Briefing (LIB)"')],
    },
  ],
  notes: [
    'The board approved four recommendations (Part 1); their texts are not in the minutes, so none is recorded.',
    "The National Panel's answer to the step-down request is not in the source documents, so no Panel response is recorded.",
  ],
};

export const caseReviews: DemoCaseReview[] = [csprJames, worcsScr];
