/**
 * Worcestershire Safeguarding Children Board, 13 March 2019, 2.00pm-5.00pm (closed 4.15pm),
 * paraphrased from the public minutes. Key records: SCR report accepted and step-down to a
 * learning review, SCR action plan and overview report, SUDIC protocol, deputising members,
 * previous minutes approved with an amendment. Actions live in the `-actions` file.
 */
import { attend, item } from './build';
import type { Meeting } from './types';
import { SOURCE_DOCUMENTS } from './types-case-reviews';
import { worcsActionUpdates, worcsActions as A, worcsPriorActions } from './worcestershire-2019-03-13-actions';
import { worcsPart1 } from './worcestershire-2019-03-13-part1';

const M = 'worcs-scb-2019-03-13';
const WCC = 'worcestershire-county-council';
const CCGS = 'worcestershire-ccgs';
const SCHOOLS = 'worcestershire-schools-and-colleges';
const UNIT = 'worcestershire-scb-business-unit';

export const worcsScb20190313: Meeting = {
  id: M,
  boardId: 'worcs-scb',
  source: {
    document: SOURCE_DOCUMENTS.worcsScb20190313,
    where: 'WSCB minutes, 13 March 2019 (present, apologies, Parts 1-7)',
  },
  date: '2019-03-13',
  weekdayAsWritten: 'Wednesday',
  startTime: '14:00',
  endTime: '16:15',
  notes: ['Scheduled 2.00pm-5.00pm; the meeting closed at 4.15pm. Location not given.'],
  attendance: [
    attend('present', 'matthew-armstrong', SCHOOLS),
    attend('present', 'keith-barham', 'west-mercia-youth-justice-service'),
    attend('present', 'derek-benson', UNIT, { notes: 'Independent Chair' }),
    attend('minute-taker', 'sarah-berry', UNIT),
    attend('present', 'julia-breakwell', SCHOOLS),
    attend('present', 'emma-britain', WCC),
    attend('present', 'sarah-cox', WCC),
    attend('present', 'catherine-driscoll', WCC),
    attend('present', 'angela-eason', UNIT),
    attend('also-representing', 'ellen-footman', CCGS, { deputisingForPersonId: 'lisa-levy' }),
    attend('present', 'sue-haddon', UNIT),
    attend('present', 'denise-hannibal'),
    attend('deputising', 'helen-hey', WCC, { deputisingForPersonId: 'sarah-wilkins' }),
    attend('present', 'michael-hunter', 'young-solutions'),
    attend('present', 'david-lewis'),
    attend('deputising', 'lisa-miruszenko', 'worcestershire-acute-hospitals-nhs-trust', {
      deputisingForPersonId: 'vicky-morris',
    }),
    attend('present', 'nicki-pettitt', undefined, { notes: 'Independent Reviewer; presented the SCR report.' }),
    attend('present', 'nick-pullan', SCHOOLS),
    attend('present', 'andy-roberts', WCC),
    attend('deputising', 'liz-staples', 'worcestershire-health-and-care-nhs-trust', {
      deputisingForPersonId: 'michelle-clarke',
    }),
    attend('present', 'jackie-stevenson', 'national-probation-service'),
    attend('deputising', 'emma-whitworth', 'west-mercia-police', { deputisingForPersonId: 'damian-pettit' }),
    // Written "deputising for KD": resolved to Kevin Dicks from the apologies list.
    attend('deputising', 'judith-willis', 'worcestershire-district-councils', { deputisingForPersonId: 'kevin-dicks' }),
    attend('apologies', 'kevin-dicks', 'worcestershire-district-councils'),
    attend('apologies', 'damian-pettit', 'west-mercia-police'),
    attend('apologies', 'vicky-morris', 'worcestershire-acute-hospitals-nhs-trust'),
    attend('apologies', 'lisa-levy', CCGS),
    attend('apologies', 'nathan-travis', 'hereford-worcester-fire-rescue'),
    attend('apologies', 'paul-robinson', WCC),
    attend('apologies', 'nick-wilson', WCC),
    attend('apologies', 'sarah-wilkins', WCC),
    attend('apologies', 'michelle-clarke', 'worcestershire-health-and-care-nhs-trust'),
    attend('apologies', 'jane-stanley', 'healthwatch-worcestershire'),
    attend('apologies', 'paul-yeomans', SCHOOLS),
    attend('apologies', 'natalie-burford', SCHOOLS),
  ],
  previousMinutes: {
    outcome: 'amended',
    previousMeetingId: 'worcs-scb-2018-12-05',
    amendment: 'Part 2, 2.2 Updates (Early Help): targeted Early Help teams work in six districts, not two.',
  },
  priorActions: worcsPriorActions,
  actionUpdates: worcsActionUpdates,
  nextMeetingId: 'worcs-scb-2019-06-12',
  items: [
    ...worcsPart1,
    item('2.1', 'Minutes and matters arising', {
      summary: 'December 2018 minutes approved with one amendment; two action-log entries closed (see actionUpdates).',
      decisions: [
        {
          id: `${M}-d-icon-to-ifpg`,
          outcome: 'agreed',
          text: 'The ICON project is reviewed by IFPG first to see if it merits consideration.',
        },
      ],
      actions: [A.iconReview],
    }),
    item('2.2', 'S157/175 Safeguarding Audit', {
      presenterPersonIds: ['denise-hannibal'],
      summary:
        'Paper-based schools audit with a 100% return (74% the year before), independent schools included; no school judged ineffective at safeguarding by Ofsted since January 2018. Operation Encompass has sent 400 domestic abuse notifications to schools. A new LADO rota team replaces reliance on one officer, with an escalation route to the team manager.',
      decisions: [
        {
          id: `${M}-d-s157-audit`,
          outcome: 'noted',
          text: 'Audit noted; the board acknowledged the impact of the education safeguarding role.',
        },
      ],
    }),
    item('2.3', "Updates: children's social work services, alternative delivery model, early help", {
      summary:
        "Ofsted's January monitoring visit found progress on exploitation and missing children; a full inspection is expected May-July. Worcestershire Children First goes live on 1 October 2019. The Parental Conflict conference is fully booked.",
      contributions: [
        {
          personId: 'sarah-wilkins',
          summary:
            'Said the Parental Conflict conference is fully booked (contact Helen Hey) and asked agencies to send staff to Early Help meetings.',
          // Trap (apologies but quoted): recorded as the minutes attribute it.
          notes:
            'Attributed to "SW", who sent apologies; Helen Hey deputised and probably spoke for her. Kept as written.',
        },
      ],
    }),
    item('2.4', 'West Midlands Ambulance Service: investigation report into a serious incident', {
      summary:
        'An IT fault stopped some WMAS referrals reaching social care; the missed referrals were reviewed and no child fell through the gaps. WMAS now sends weekly referral updates and has trained paramedics to Level 3.',
      escalations: [
        {
          id: `${M}-e1`,
          kind: 'inter-agency-challenge',
          summary: 'Early Help raised concerns about the quality of referrals made by the ambulance trust.',
          raisedByPersonId: 'helen-hey',
          concernsPartnerIds: ['west-midlands-ambulance-service'],
        },
      ],
      actions: [A.wmasLeadDetails],
    }),
    item('3.1', 'SCR Group: highlight report', {
      presenterPersonIds: ['ellen-footman'],
      decisions: [
        {
          id: `${M}-d-scr-group-confirm`,
          outcome: 'approved',
          text: 'Subject to the Part 1 discussion, the SCR report, SCR action plan and recommendations, and SCR overview report for publication were approved.',
          notes: 'Confirms the Part 1 sign-offs; no separate sign-off records are made.',
        },
      ],
    }),
    item('3.2', 'Any other matters', { summary: 'None.' }),
    item('4.1', 'Monitoring Effectiveness Group: highlight report', {
      summary:
        'Training data generally robust; concern about future training delivery (WSCB delivers multi-agency training until end of July). MEG work moves to a new quality assurance group under the new arrangements.',
      decisions: [{ id: `${M}-d-meg-report`, outcome: 'accepted', text: 'MEG highlight report accepted.' }],
      actions: [A.trainingRecommendations],
    }),
    item('4.2', 'Service Improvement Plan data', {
      presenterPersonIds: ['emma-britain'],
      summary:
        'Presented on behalf of "TR" (not on any list; not modelled as a person). More initial conference concerns; a zero care-proceedings figure being checked.',
      decisions: [{ id: `${M}-d-sip-data`, outcome: 'noted', text: 'SIP data noted.' }],
      escalations: [
        {
          id: `${M}-e2`,
          kind: 'inter-agency-challenge',
          summary:
            "Health challenged attendance data: professionals cannot attend meetings they are not invited to in time; the acute trust asked that children's services' weekly attendance report be accurate.",
          raisedByPersonId: 'ellen-footman',
          concernsPartnerIds: [WCC],
        },
      ],
    }),
    item('4.3', 'Any other matters', { summary: 'None.' }),
    item('5.1', 'GET SAFE (Exploitation) Strategic Group: highlight report', {
      presenterPersonIds: ['emma-whitworth'],
      summary:
        'Presented on behalf of Supt Damian Pettit ("DP"). CSE plan becoming a wider exploitation plan; pathway update; new operational group chair; YSS mentoring contract from April 2020.',
      decisions: [{ id: `${M}-d-getsafe-report`, outcome: 'accepted', text: 'GET SAFE highlight report accepted.' }],
    }),
    item('5.2', 'Any other matters', { summary: 'None.' }),
    item('6.1', 'Improving Frontline Practice Group: highlight report', {
      presenterPersonIds: ['david-lewis'],
      decisions: [
        {
          id: `${M}-d-sudic-protocol`,
          outcome: 'approved',
          text: 'The board approved implementation of the revised West Mercia SUDIC Protocol.',
        },
        { id: `${M}-d-ifpg-report`, outcome: 'accepted', text: 'IFPG highlight report accepted.' },
      ],
      signOffs: [
        {
          id: `${M}-so-sudic-protocol`,
          artefactTitle: 'West Mercia SUDIC Protocol (revised)',
          kind: 'protocol',
          requiredPartnerIds: [WCC, 'west-mercia-police', CCGS],
          signedByPartnerIds: [WCC, 'west-mercia-police', CCGS],
          status: 'signed-off',
          decisionId: `${M}-d-sudic-protocol`,
          notes: 'Police signed through a deputy and the CCGs through the Designated Nurse also representing them.',
        },
      ],
    }),
    item('6.2', 'Any other matters', { summary: 'None.' }),
    item('7.1', 'Risk management: managing risk and identifying impact', { summary: 'No new risks identified.' }),
    item('7.2', 'Agency updates and AOB', {
      summary:
        'Budget position and LADO briefing noted; assurance requests on referrals to follow; membership of the AILC newsletter not renewed.',
      decisions: [
        { id: `${M}-d-budget-position`, outcome: 'noted', text: 'Budget position report noted for information.' },
        {
          id: `${M}-d-ailc-membership`,
          outcome: 'noted',
          text: 'The board will not renew its AILC newsletter membership.',
        },
      ],
      actions: [A.assuranceRequests],
    }),
  ],
};
