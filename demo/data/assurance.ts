/**
 * The partnership's assurance work the source documents record (issue 16 item 5): the 2022
 * strategic thematic review with its three statutory partners' plans, the MASH/Front Door audit,
 * and Worcestershire's 2019 S157/175 schools safeguarding audit. Every fact cites its document
 * (file name in ../shared/seeds, and the item) both in `cites` and in the record's own text, so a
 * reader of the ledger finds the source without this file.
 *
 * Left out because no document gives them: any progress on the three partners' plans after 22 Sep
 * 2022, the MASH audit's dates, the partners' returns to it and any return figure (the seeds give
 * NONE; "100% (74% last year)" is the Worcestershire schools audit's, loaded below as its own
 * audit), and the findings of either Warwickshire record (the minutes name the review's seven key
 * areas, not its findings). Nothing here is illustrative: every value is in a document.
 */
import type { AssuranceCitation, DemoAssuranceRecord } from './types-assurance';

const WSEB_SEP_2022 = '001_c61fdfe20dc690cb.txt';
const WSEB_MAY_2022 = '000_64efb88b0888e5ea.txt';
const WORCS_MAR_2019 = '002_e4c9ba3f51106e75.txt';

const sep = (item: number): AssuranceCitation => ({ file: WSEB_SEP_2022, where: `WSEB 22 Sep 2022, item ${item}` });
const cite = (c: AssuranceCitation) => `[source: ${c.file}, ${c.where}]`;

const STR_ID = 'ws-str-core-practice-2022';
const STR_FINDING = 'core-practice-findings';
/** The three main partners "health, police, and local authority" (item 5); health is the ICB by September 2022. */
const STATUTORY = ['warwickshire-police', 'warwickshire-county-council', 'coventry-warwickshire-icb'];
/** The minutes' own action: "WSEB members (Police, LA and Health) to develop individual action plans ..." (PH, NM & TP/JC). */
const PLANS_ACTION = 'wseb-2022-09-22-a2';

export const strategicThematicReview2022: DemoAssuranceRecord = {
  kind: 'thematic-review',
  id: STR_ID,
  boardId: 'wseb',
  steps: [
    {
      path: '',
      on: '2022-09-22',
      body: {
        title: `Strategic Thematic Review - Children & Adults Core Safeguarding Practice ${cite(sep(5))}`,
        openedOn: '2022-09-22',
        areas: [
          'Leadership and Accountability',
          'Policies, Procedures and Protocols',
          'Recruitment and Selection',
          'Staff Training and Development',
          'Complaints, Allegations and Whistleblowing',
          'Information Sharing, Communication and Confidentiality',
          'The Voice of the Child, Young People and Adults',
        ],
        boardId: 'wseb',
      },
      cites: [
        sep(5),
        { file: '004_b85c101c21a9f075.txt', where: 'section 1 Executive Summary, "Moving forward" point 3 (planned)' },
      ],
    },
    {
      path: 'findings',
      on: '2022-09-22',
      body: {
        findingId: STR_FINDING,
        text:
          'The findings of the core thematic review (the minutes name its seven key areas, not the findings): the three ' +
          'main partners (health, police and local authority) are each to pull together a bespoke action plan ' +
          'detailing their response to the findings, to be reviewed and monitored by WSEB at a future meeting; the ' +
          'recommendations are to be discussed with the wider partnership, and an executive summary embedded in the ' +
          `report. ${cite(sep(5))}`,
        partnerIds: STATUTORY,
      },
      cites: [sep(5)],
    },
    // Each partner's plan holds the minutes' own action (owners "PH, NM & TP/JC"): one plan per partner.
    ...STATUTORY.map((partnerId) => ({
      path: `plans/${partnerId}/actions`,
      on: '2022-09-22',
      body: { findingId: STR_FINDING, actionId: PLANS_ACTION },
      cites: [sep(5)],
    })),
  ],
  notes: [
    'Opened on 22 Sep 2022, the day the completed review was reported to WSEB (item 5); the sources give no earlier date.',
    'No plan progress is recorded: the sources end at the board asking for the plans, so each plan awaits its first report.',
    "The earlier 'Exploitation of Children and Adults' thematic review (004, section 4.2) produced one overarching multi-agency plan, not per-partner plans; not loaded.",
  ],
};

export const mashFrontDoorAudit2022: DemoAssuranceRecord = {
  kind: 'multi-agency-audit',
  id: 'ws-mash-front-door-2022',
  boardId: 'wseb',
  steps: [
    {
      path: '',
      on: '2022-09-22',
      body: {
        title: `MASH/Front Door audit - agree dates and templates ${cite(sep(6))}`,
        openedOn: '2022-09-22',
        themes: [
          'Themes coming out of reviews: the Arthur/STAR review and JTAI (item 6)',
          'Assurance that the MASH and Front Door services are running effectively (item 6)',
          "Think family: the adults' social worker within the MASH, though the audit focuses on children (item 6)",
        ],
        templates:
          'Designed and tailored to fit the themes coming out of reviews; they include questions aimed to seek ' +
          `assurances that the MASH and Front Door services are running effectively. ${cite(sep(6))}`,
        workingGroup:
          'Key representatives from WSEB and the front door (Police, LA & Health and the front door service manager), ' +
          'to coordinate the planning and agree a suitable date for the assurance visit; set up by JCol/AS ' +
          `${cite(sep(6))}. It follows the MASH assurance visit WSEB endorsed on 10 May 2022, by 3 partners ` +
          `(Police, Health & Social Care), coordinated by Jackie Channell ${cite({ file: WSEB_MAY_2022, where: 'WSEB 10 May 2022, item 7' })}.`,
        boardId: 'wseb',
      },
      cites: [sep(6), { file: WSEB_MAY_2022, where: 'WSEB 10 May 2022, item 7' }],
    },
  ],
  notes: [
    'Opened on 22 Sep 2022, the day WSEB agreed the audit and its templates (item 6).',
    'No returns are requested or recorded and no return rate is given: the sources give no dates, returns or figures for this audit.',
    "The working group's set-up is the meeting's action wseb-2022-09-22-a4, not a finding of the audit, so it is not linked as one.",
  ],
};

const WORCS_22: AssuranceCitation = { file: WORCS_MAR_2019, where: 'WSCB 13 Mar 2019, Part 2 item 2.2' };

export const worcsSchoolsAudit2019: DemoAssuranceRecord = {
  kind: 'multi-agency-audit',
  id: 'worcs-s157-175-schools-audit-2019',
  boardId: 'worcs-scb',
  steps: [
    {
      path: '',
      on: '2019-03-13',
      body: {
        title: `S157/175 Safeguarding Audit of schools, reported to the Board on 13 March 2019 ${cite(WORCS_22)}`,
        openedOn: '2019-03-13',
        themes: ['S157/175 safeguarding in schools, including independent schools (item 2.2)'],
        templates:
          'A paper exercise: Worcestershire is the only authority to do its audit this way. Recorded as opened on 13 ' +
          'March 2019, the day its report was presented: the minutes give the audit no earlier date. ' +
          cite(WORCS_22),
        previousReturnRate: 74,
        boardId: 'worcs-scb',
      },
      cites: [WORCS_22],
    },
    {
      path: 'findings',
      on: '2019-03-13',
      body: {
        findingId: 'return-rate',
        text:
          'A 100% return (74% last year), which includes independent schools: the only authority to receive a 100% ' +
          "return. The schools' returns are not partner records here, so the register's own return rate counts none. " +
          cite(WORCS_22),
      },
      cites: [WORCS_22],
    },
    {
      path: 'findings',
      on: '2019-03-13',
      body: {
        findingId: 'no-school-ineffective',
        text: `Since January 2018 no school has been judged by Ofsted to be ineffective at safeguarding. ${cite(WORCS_22)}`,
      },
      cites: [WORCS_22],
    },
    {
      path: 'findings',
      on: '2019-03-13',
      body: {
        findingId: 'early-help-questions',
        text:
          "Work is under way with Early Help so that future audits ask about the school's early help offer and how " +
          `many Early Help Assessments (EHAs) have been completed; the next audit is in June 2020. ${cite(WORCS_22)}`,
      },
      cites: [WORCS_22],
    },
    { path: 'close', on: '2019-03-13', body: { closedOn: '2019-03-13' }, cites: [WORCS_22] },
  ],
  notes: [
    'Closed on 13 Mar 2019, the day the Board received its report: the audit round ends there (the next is June 2020).',
  ],
};

export const assuranceRecords: DemoAssuranceRecord[] = [
  strategicThematicReview2022,
  mashFrontDoorAudit2022,
  worcsSchoolsAudit2019,
];
