/**
 * Part 1 (Strategic planning: serious case reviews) of the Worcestershire Safeguarding
 * Children Board meeting of 13 March 2019.
 *
 * The minutes do not name the case(s). The first report was presented by the Independent
 * Reviewer ("NP" = Nicki Pettitt) and is to be stepped down to a learning review; the action plan
 * and the overview report (author Jon Chapman) were presented by the Designated Nurse. Whether
 * all of these concern the same case is not clear from the minutes, so each artefact is its own
 * sign-off.
 */
import { item } from './build';
import type { AgendaItem } from './types';
import { worcsActions as A } from './worcestershire-2019-03-13-actions';

const M = 'worcs-scb-2019-03-13';
// All three statutory partners were present when the board decided: the police through a
// deputy (Emma Whitworth) and the CCGs through the Designated Nurse also representing them.
const STATUTORY = ['worcestershire-county-council', 'west-mercia-police', 'worcestershire-ccgs'];

export const worcsPart1: AgendaItem[] = [
  item('Part 1', 'Strategic planning: serious case reviews', {
    // Trap (initials collide): "NP" presenting is Nicki Pettitt (Independent Reviewer). Two
    // presenters: "The report ... was presented to the Board by NP" and "EF presented the Action
    // Plan to the Board" (Worcestershire SCB minutes, 13 March 2019, Part 1).
    presenterPersonIds: ['nicki-pettitt', 'ellen-footman'],
    summary:
      "The SCR report, ready for publication, was accepted. The original SCR decision was made in good faith but the case did not meet the SCR criteria, so the National Panel is to be asked to step it down to a learning review, with a Learning and Improvement Briefing for practitioners; this also protects the family's anonymity. The action plan, overview report and a four-part learning model with a dissemination plan followed.",
    decisions: [
      {
        id: `${M}-d-scr-report`,
        outcome: 'accepted',
        text: 'The board accepted the SCR report and approved its four recommendations.',
      },
      {
        id: `${M}-d-step-down`,
        outcome: 'agreed',
        text: 'Ask the National Panel to approve stepping the case down from an SCR to a learning review; findings go into a Learning and Improvement Briefing.',
      },
      {
        id: `${M}-d-scr-action-plan`,
        outcome: 'accepted',
        text: 'The revised recommendations were approved and the SCR action plan accepted.',
      },
      {
        id: `${M}-d-scr-overview-report`,
        outcome: 'approved-in-principle',
        text: 'The SCR overview report and recommendations were approved in principle for publication.',
        conditions: [
          'Wording in paragraphs 2.1 and 3.1 amended slightly to protect the family from identification.',
          'Publication only after the inquest has been held.',
        ],
      },
      {
        id: `${M}-d-learning-model`,
        outcome: 'approved',
        text: 'The four-aspect SCR learning model and the plan for open and targeted learning events were approved.',
      },
      {
        id: `${M}-d-partners-embed-learning`,
        outcome: 'endorsed',
        text: 'Partner agencies are expected to embed the learning, e.g. by reviewing single-agency training and processes.',
      },
      {
        id: `${M}-d-training-underspend`,
        outcome: 'agreed',
        text: 'The WSCB training budget underspend funds targeted learning events and a Geese Theatre Company production.',
        notes: 'No amount given.',
      },
      {
        id: `${M}-d-libs`,
        outcome: 'agreed',
        text: 'Learning and Improvement Briefings are developed to embed the learning across the partnership.',
      },
    ],
    signOffs: [
      {
        id: `${M}-so-scr-report`,
        artefactTitle: 'SCR report',
        kind: 'report',
        requiredPartnerIds: [...STATUTORY],
        signedByPartnerIds: [...STATUTORY],
        status: 'signed-off',
        decisionId: `${M}-d-scr-report`,
        notes: 'Confirmed under item 3.1.',
      },
      {
        id: `${M}-so-scr-action-plan`,
        artefactTitle: 'SCR action plan with revised recommendations',
        kind: 'action-plan',
        requiredPartnerIds: [...STATUTORY],
        signedByPartnerIds: [...STATUTORY],
        status: 'signed-off',
        decisionId: `${M}-d-scr-action-plan`,
      },
      {
        id: `${M}-so-scr-overview-report`,
        artefactTitle: 'SCR overview report for publication',
        kind: 'report',
        requiredPartnerIds: [...STATUTORY],
        signedByPartnerIds: [...STATUTORY],
        status: 'signed-off-subject-to-conditions',
        conditions: ['Paragraphs 2.1 and 3.1 reworded.', 'Published after the inquest.'],
        decisionId: `${M}-d-scr-overview-report`,
      },
      {
        id: `${M}-so-learning-plan`,
        artefactTitle: 'Communications plan to support embedding learning (learning model)',
        kind: 'other',
        requiredPartnerIds: [...STATUTORY],
        signedByPartnerIds: [...STATUTORY],
        status: 'signed-off',
        decisionId: `${M}-d-learning-model`,
      },
    ],
    actions: [A.nationalPanelLetter, A.inquestReport, A.parentVisit],
  }),
];
