/**
 * Warwickshire Safeguarding Executive Board, 22 September 2022 (paraphrased from the public
 * minutes). Key records: escalation routing for health and adoption of the WS Escalation
 * Protocol, thematic review action plans, MASH/Front Door audit, police inspection update.
 * Actions live in `warwickshire-2022-09-22-actions.ts`.
 */
import { attend, item } from './build';
import type { Meeting, SignOff } from './types';
import { SOURCE_DOCUMENTS } from './types-case-reviews';
import { septActionUpdates, septActions as A } from './warwickshire-2022-09-22-actions';

const M = 'wseb-2022-09-22';
const ICB = 'coventry-warwickshire-icb';
const WCC = 'warwickshire-county-council';
const WS = 'warwickshire-safeguarding';

/**
 * "the three main partners (health, police, and local authority) are to pull together a bespoke
 * action plan" (item 5): three single-agency plans, so three sign-offs, one per partner, none yet presented.
 */
const thematicPlan = (partnerId: string, agency: string): SignOff => ({
  id: `${M}-so-thematic-plan-${agency}`,
  artefactTitle: `${agency === 'icb' ? 'ICB (health)' : agency === 'police' ? 'Warwickshire Police' : 'Warwickshire County Council'} action plan responding to the core thematic review`,
  kind: 'action-plan',
  requiredPartnerIds: [partnerId],
  signedByPartnerIds: [],
  status: 'pending',
  decisionId: `${M}-d-thematic-recommendations`,
  notes: 'Commissioned at this meeting; not yet presented.',
});

export const wseb20220922: Meeting = {
  id: M,
  boardId: 'wseb',
  source: {
    document: SOURCE_DOCUMENTS.wseb20220922,
    where: 'WSEB minutes, 22 September 2022 (attendance, items 3-12)',
  },
  date: '2022-09-22',
  weekdayAsWritten: 'Thursday',
  notes: [
    "Apologies from Nigel Minns (council) and Tracy Pilcher (ICB); the minutes name no deputy for either. Other council members (Jo Davies, John Coleman, Julie Smith) and the ICB's Jackie Channell are listed as present.",
    'The published minutes begin at item 3: items 1-2 (welcome, previous minutes, action log) are not in the source, so no previous-minutes approval or recorded action statuses exist for this meeting.',
    'Health is represented by the ICB, which succeeded the CCG on 1 July 2022.',
  ],
  attendance: [
    attend('present', 'elaine-coleridge-smith', WS, { notes: 'Independent Chair' }),
    attend('present', 'jackie-channell', ICB),
    attend('present', 'jo-davies', WCC),
    attend('present', 'john-coleman', WCC),
    attend('present', 'julie-smith', WCC),
    attend('present', 'pete-hill', 'warwickshire-police'),
    attend('in-attendance', 'amrita-sharma', WS),
    attend('in-attendance', 'chelsea-jones', WS),
    attend('apologies', 'nigel-minns', WCC),
    attend('apologies', 'tracy-pilcher', ICB),
  ],
  priorActions: [],
  actionUpdates: septActionUpdates,
  nextMeetingId: 'wseb-2022-11-08',
  items: [
    item('3', 'Presentation: IRO Annual Report 2021-2022', {
      // Two presenters: "Julie Smith and Jo Davies provided the WSEB with an overview of the IRO
      // Annual Report 2021-2022" (WSEB minutes, 22 September 2022, item 3).
      presenterPersonIds: ['julie-smith', 'jo-davies'],
      summary:
        "IROs are independent decision makers within the council who can challenge managers and help young people give their views (with Barnardo's advocacy as an alternative). The national children's social care review has questioned the IRO role; the government response is due December 2022.",
      decisions: [
        {
          id: `${M}-d-health-escalation-route`,
          outcome: 'agreed',
          text: 'For health, the formal escalation process is used and all escalations go to Jackie Channell; the Warwickshire Safeguarding Escalation Protocol is to be implemented.',
        },
        {
          id: `${M}-d-iro-family-awareness`,
          outcome: 'agreed',
          text: "IROs tell families where the IRO service sits within children's services; built into the IRO process.",
        },
        { id: `${M}-d-lado-annual`, outcome: 'agreed', text: 'The LADO annual report comes to the WSEB every year.' },
      ],
      actions: [A.ladoOnForwardPlan],
      escalations: [
        {
          id: `${M}-e1`,
          kind: 'routing-agreement',
          summary:
            'Health escalations to follow the formal process and be directed to the ICB lead; the partnership escalation protocol to be implemented.',
          concernsPartnerIds: [ICB],
          routeToPersonId: 'jackie-channell',
          protocolId: 'ws-escalation-protocol',
        },
      ],
    }),
    item('4', 'UASC and Unregulated Residential Placements', {
      presenterPersonIds: ['john-coleman'],
      summary:
        "A Home Office hotel in Rugby houses around 50 (capacity 60) unaccompanied asylum-seeking children. The council is examining legal options; the partnership focuses on safeguarding the children: strategy meetings after four weeks' stay, daily meetings on children of concern, and missing-child protocols.",
      decisions: [
        {
          id: `${M}-d-uasc-focus`,
          outcome: 'agreed',
          text: 'The partnership concentrates on safeguarding and supporting children placed in the hotel; management remains with the Home Office.',
        },
      ],
    }),
    item('5', 'Strategic Thematic Review: Children & Adults Core Safeguarding Practice', {
      summary:
        'Seven areas reviewed: leadership and accountability; policies and procedures; recruitment; training; complaints, allegations and whistleblowing; information sharing; and the voice of the child, young person and adult. The chair thanked the business team.',
      decisions: [
        {
          id: `${M}-d-thematic-recommendations`,
          outcome: 'agreed',
          text: 'Recommendations go to the wider partnership for feedback; the three statutory partners each produce a bespoke action plan for WSEB to monitor; an executive summary is added.',
        },
      ],
      signOffs: [thematicPlan('warwickshire-police', 'police'), thematicPlan(WCC, 'council'), thematicPlan(ICB, 'icb')],
      actions: [A.thematicActionPlans, A.executiveSummary],
    }),
    item('6', 'MASH/Front Door Audit: agree dates and templates', {
      summary:
        "After the Arthur/Star review and the JTAI, the strategic partners audit the front door using tailored templates; the adults' social worker in the MASH means a 'think family' angle is needed.",
      decisions: [
        {
          id: `${M}-d-mash-working-group`,
          outcome: 'agreed',
          text: 'A working group of WSEB and front door representatives plans the audit and agrees the assurance visit date.',
        },
      ],
      actions: [A.mashWorkingGroup],
    }),
    item('7', 'Draft 7MBs: Modern Slavery and Human Trafficking (children and adults)', {
      decisions: [
        {
          id: `${M}-d-7mb-on-hold`,
          outcome: 'deferred',
          text: 'The briefings are on hold pending amendments from feedback.',
        },
      ],
      actions: [A.contactDaveAndrews],
    }),
    item('8', 'National Review: children with disabilities and complex health needs in residential settings', {
      summary: "Children's services are preparing a detailed response for the next meeting.",
      decisions: [{ id: `${M}-d-national-review`, outcome: 'noted', text: 'Response to come to the next WSEB.' }],
      actions: [A.nationalReviewOnAgenda],
    }),
    item('9', 'Police Inspection Report: verbal update', {
      presenterPersonIds: ['pete-hill'],
      summary:
        "The February 2022 inspection (published August 2022) made eight recommendations: children involved in incidents, recording children's views, investigations, sex-offender risk, missing-person delay, police protection powers and detention of children. Overall positive. Weekend MASH cover by children's services would help; health cover is not possible.",
      decisions: [
        {
          id: `${M}-d-police-inspection`,
          outcome: 'noted',
          text: 'Inspection findings noted; progress update within six months.',
        },
      ],
      actions: [A.policeInspectionForwardPlan, A.policeInspectionUpdate],
    }),
    item('10', 'Update on the new Health and Wellbeing Subgroup for children and young people', {
      presenterPersonIds: ['john-coleman'],
      summary: 'The subgroup is established; a first meeting will settle its terms of reference.',
      actions: [A.hwbInvitations],
    }),
    item('11', 'Agenda items for the WSP meeting, 4 October 2022', {
      decisions: [
        {
          id: `${M}-d-wsp-agenda`,
          outcome: 'agreed',
          text: 'WSP agenda: Strategic Thematic Review; learning from the Grace CSPR; the new ICB structure; the police inspection report.',
        },
      ],
      actions: [A.icbPresentation],
    }),
    item('12', 'Any other business', {
      summary: 'Every household will get a multi-agency cost-of-living services leaflet in October.',
      decisions: [
        {
          id: `${M}-d-face-to-face`,
          outcome: 'agreed',
          text: 'All WSEB meetings, and the spring/summer 2023 partnership group meeting, are held face to face; a working group plans an annual conference.',
        },
      ],
      actions: [A.conferenceWorkingGroup],
    }),
  ],
};
