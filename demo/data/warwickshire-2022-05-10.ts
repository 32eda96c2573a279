/**
 * Warwickshire Safeguarding Executive Board, 10 May 2022 (paraphrased from the public minutes).
 * Key records: CSPR (James) sign-off, training proposal endorsed with a £4k budget, CiC carers
 * pack sign-off, MASH assurance visit, 2022/23 shortfall underwritten in principle, JTAI
 * responsibility agreed. Actions live in `warwickshire-2022-05-10-actions.ts`.
 */
import { attend, item } from './build';
import { warwickshireStatutoryMay2022 as STATUTORY } from './partners';
import type { Meeting } from './types';
import { SOURCE_DOCUMENTS } from './types-case-reviews';
import { mayActionUpdates, mayActions as A, mayPriorActions } from './warwickshire-2022-05-10-actions';

const M = 'wseb-2022-05-10';
const CCG = 'coventry-warwickshire-ccg';
const WS = 'warwickshire-safeguarding';

export const wseb20220510: Meeting = {
  id: M,
  boardId: 'wseb',
  source: { document: SOURCE_DOCUMENTS.wseb20220510, where: 'WSEB minutes, 10 May 2022 (attendance, items 1-12)' },
  date: '2022-05-10',
  // Trap (weekday mismatch): the minutes say "Wednesday 10th May 2022"; 10 May 2022 was a Tuesday.
  weekdayAsWritten: 'Wednesday',
  notes: [
    'Weekday mismatch: written as Wednesday, but 2022-05-10 was a Tuesday. The date is kept as written.',
    'Location not given; the board agreed to return to face-to-face meetings from July.',
  ],
  attendance: [
    attend('present', 'elaine-coleridge-smith', WS, { notes: 'Chair' }),
    attend('present', 'jackie-channell', CCG),
    attend('present', 'pete-hill', 'warwickshire-police'),
    attend('present', 'jo-galloway', CCG),
    attend('present', 'nigel-minns', 'warwickshire-county-council'),
    attend('to-present', 'lucy-young', undefined, { notes: 'Independent Reviewer, CSPR James' }),
    attend('in-attendance', 'amrita-sharma', WS),
    attend('minute-taker', 'kiran-mahal', WS),
  ],
  previousMinutes: { outcome: 'accurate', previousMeetingId: 'wseb-before-2022-05-10' },
  priorActions: mayPriorActions,
  actionUpdates: mayActionUpdates,
  nextMeetingId: 'wseb-2022-06-07',
  items: [
    item('1', 'Welcome, introductions and apologies', { summary: 'No apologies.' }),
    item('2', 'Minutes from previous meeting', {
      summary: 'Minutes approved as accurate; action log reviewed (see actionUpdates).',
      actions: [A.escalationOnJuneAgenda],
    }),
    item('3', 'Covid-19 updates', {
      summary:
        'Health: situation improving, but vacancies and around a fifth of staff off with Covid. Police: business as usual, crime up on 2021, summer leave embargo for the Commonwealth Games. Council: no service disruption; school outbreaks occasional.',
      decisions: [{ id: `${M}-d-covid-noted`, outcome: 'noted', text: 'Partner Covid-19 updates noted.' }],
    }),
    item('4', 'Child Safeguarding Practice Review (James)', {
      presenterPersonIds: ['lucy-young'],
      summary:
        "The reviewer presented the CSPR: a two-year scope, six findings and twelve multi-agency recommendations. Themes: the child's voice was hard to capture as he was out of school for years and contact was limited (worsened by Covid); confusion over whether the council or the school was responsible for his education; police incidents handled one by one rather than as a whole picture; mental health needs that fall outside CAMHS criteria. Lessons Learned and 7 Minute Briefings accompanied the papers.",
      decisions: [
        {
          id: `${M}-d-cspr-mental-health`,
          outcome: 'agreed',
          text: 'The review should include the point that a cohort of children with complex mental health needs is held by social care for want of other support.',
        },
        {
          id: `${M}-d-hwb-letter`,
          outcome: 'agreed',
          text: "The Independent Chair writes to the chair of the Health and Wellbeing Board with the board's views, proposing the new children and young people subgroup lead a multi-agency network.",
        },
        {
          id: `${M}-d-cspr-james-signoff`,
          outcome: 'agreed',
          text: 'All agreed to sign off the report and supporting documents, subject to the changes agreed.',
          // "subject to changes agreed" is the only condition minuted. "The plan for publication is for
          // June 2022" is a plan stated in the discussion, not a condition of the sign-off: kept in notes.
          conditions: ['Reviewer updates the report in line with the discussion.'],
          notes: 'The minutes record the plan for publication as June 2022 (item 4); it is not a condition.',
        },
      ],
      signOffs: [
        {
          id: `${M}-so-cspr-james`,
          artefactTitle: 'CSPR James: report and supporting documents',
          kind: 'report',
          requiredPartnerIds: [...STATUTORY],
          signedByPartnerIds: [...STATUTORY],
          status: 'signed-off-subject-to-conditions',
          conditions: ['Report updated according to the discussion (action wseb-2022-05-10-a3).'],
          decisionId: `${M}-d-cspr-james-signoff`,
          notes: '"All agreed to sign off": a collective decision of the board; no individual signature is minuted.',
        },
      ],
      actions: [A.writeToHwbChair, A.updateCsprReport],
      escalations: [
        {
          id: `${M}-e1`,
          kind: 'case-practice',
          summary:
            "The council's representative felt the allocated social worker should have escalated the failure to find the child a school.",
          raisedByPersonId: 'nigel-minns',
          concernsPartnerIds: ['warwickshire-county-council'],
        },
        {
          id: `${M}-e2`,
          kind: 'systemic-concern',
          summary:
            'Escalation remains a significant issue, with a lack of confidence in it both within and outside agencies.',
          raisedByPersonId: 'amrita-sharma',
          concernsPartnerIds: [],
        },
        {
          id: `${M}-e3`,
          kind: 'systemic-concern',
          summary:
            'Wider mental health concerns go unescalated because staff feel nothing will happen; CAMHS treats only diagnosable illness.',
          raisedByPersonId: 'nigel-minns',
          concernsPartnerIds: ['coventry-warwickshire-partnership-trust', CCG],
        },
      ],
    }),
    item('5', 'Warwickshire Safeguarding Training Proposal', {
      presenterPersonIds: ['amrita-sharma'],
      summary:
        'Bitesize virtual sessions on learning from case reviews, recorded and published on the website; a small £4k budget pays for external speakers. Police suggested child sexual exploitation as a focus and noted their own training budget might complement it.',
      decisions: [
        {
          id: `${M}-d-training-proposal`,
          outcome: 'endorsed',
          text: 'The Executive Board endorsed the training proposal, with a budget of £4,000 for external speakers.',
          amountPence: 400000,
          conditions: ["Theme 'Voice of the Child' retitled 'Capturing the voice of the child/adult'."],
          notes: 'Whether the £4k sits inside the £5k website/projects/training budget line is not stated.',
        },
      ],
      actions: [A.policeTrainingInput, A.amendTrainingTitle],
    }),
    item('6', 'CiC Carers Information Pack', {
      presenterPersonIds: ['pete-hill'],
      summary:
        'A pack produced by the Warwickshire Safeguarding team to help carers of children in care know what to look out for; it signposts the Philomena protocol. A launch event and a survey are planned.',
      decisions: [
        {
          id: `${M}-d-carers-pack`,
          outcome: 'agreed',
          text: 'The Executive Board agreed to sign off the CiC Carers Information Pack.',
        },
      ],
      signOffs: [
        {
          id: `${M}-so-cic-carers-pack`,
          artefactTitle: 'CiC Carers Information Pack',
          kind: 'other',
          requiredPartnerIds: [...STATUTORY],
          signedByPartnerIds: [...STATUTORY],
          status: 'signed-off',
          decisionId: `${M}-d-carers-pack`,
          notes:
            '"The Executive Board agreed to sign off": the board\'s collective decision; no individual signature is minuted.',
        },
      ],
    }),
    item('7', 'JTAI benchmarking and MASH assurance visit', {
      summary:
        'Prompted by the Solihull JTAI. A proportionate visit by police, health and social care to the Front Door (MASH), comparing it against the Solihull findings.',
      decisions: [
        {
          id: `${M}-d-mash-assurance-visit`,
          outcome: 'agreed',
          text: 'Three partners (police, health, social care) carry out a proportionate MASH assurance visit benchmarked against the Solihull JTAI findings.',
        },
      ],
      actions: [A.coordinateMashVisit],
    }),
    item('8', 'Safeguarding Reviews Overview', {
      summary:
        '13 live cases and 4 new reviews awaiting start; a national shortage of independent reviewers means some may exceed the 6-month timescale.',
      decisions: [
        {
          id: `${M}-d-reviews-overview`,
          outcome: 'noted',
          text: 'Overview of reviews and rapid review decisions noted.',
        },
      ],
    }),
    item('9', 'Practice Reviews: update from ADCS meeting', {
      summary:
        "Debate on review length: ADCS suggested very short reports for anonymity and reviewer capacity; others feared losing context. The National Panel's research points to succinct reports of about 20 pages. The partnership may commission alternative-style reviews, capacity permitting.",
    }),
    item('10', 'WS Resources (2022/23 budget and JTAI)', {
      summary:
        'See funding-2022-23.ts for the budget, lines, shortfall and pledges. Business team capacity is under strain; clinical supervision being costed.',
      decisions: [
        {
          id: `${M}-d-underwrite-shortfall`,
          outcome: 'approved-in-principle',
          text: 'The three statutory partners collectively underwrite the 2022/23 shortfall of about £21,649 in principle, likely up to £7,000 each.',
          amountPence: 2164900,
          notes: 'Three caps of £7,000 total £21,000, £649 short of the stated shortfall.',
        },
        {
          id: `${M}-d-jtai-responsibility`,
          outcome: 'agreed',
          text: 'Preparing for and managing any future JTAI is the responsibility of all three statutory partners, not the business team alone.',
        },
      ],
      actions: [A.emailContributions, A.policeSupervision, A.jtaiResources],
    }),
    item('11', 'Update on Complaints', { summary: 'Progress on complaints received by the partnership noted.' }),
    item('12', 'Any Other Business', {
      summary:
        'Return to some face-to-face meetings. Health announced the CCG becomes the ICB from 1 July 2022, with Tracy Pilcher appointed Chief Nurse.',
      decisions: [
        {
          id: `${M}-d-july-face-to-face`,
          outcome: 'agreed',
          text: 'The July meeting is held face to face at Northgate, Warwickshire.',
        },
      ],
      actions: [A.bookJulyRoom, A.icbLiterature],
    }),
  ],
};
