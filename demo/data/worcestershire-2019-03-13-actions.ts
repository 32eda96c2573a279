/**
 * Actions of the Worcestershire Safeguarding Children Board meeting of 13 March 2019, and the
 * December 2018 action-log entries it closed.
 *
 * The minutes' action column holds one action; the others are commitments stated in the
 * discussion (`inActionColumn: false`). Initials are resolved to people only where the
 * attendance list makes it certain; "NP" in Part 1 is Nicki Pettitt (the Independent Reviewer),
 * not Nick Pullan.
 */
import { byPartner, byPerson, byTeam } from './build';
import type { Action, ActionUpdate } from './types';

const M = 'worcs-scb-2019-03-13';
const a = (n: number, rest: Omit<Action, 'id' | 'raisedAtMeetingId'>): Action => ({
  id: `${M}-a${n}`,
  raisedAtMeetingId: M,
  ...rest,
});

export const worcsActions = {
  nationalPanelLetter: a(1, {
    text: 'Draft a letter to the National Panel seeking agreement to step the case down from an SCR.',
    owners: [byPerson('derek-benson')],
    inActionColumn: true,
    notes: 'The discussion says "step down to a Learning Review"; the action text says "to case review".',
  }),
  inquestReport: a(2, {
    text: "Report back to the board after the inquest; children's social care to attend.",
    owners: [byPerson('ellen-footman')],
    due: { kind: 'described', text: 'after the inquest (dates redacted as "xxx" in the minutes)' },
    inActionColumn: false,
  }),
  parentVisit: a(3, {
    text: 'Make a final visit to the parent to pursue and support any ongoing involvement.',
    // Trap (initials collide): "NP" here is Nicki Pettitt, not Nick Pullan (Middle School rep).
    owners: [byPerson('nicki-pettitt'), byPerson('ellen-footman')],
    inActionColumn: false,
  }),
  iconReview: a(4, {
    text: 'Review the ICON abusive-head-trauma project (£3k one-off charge) to decide if it merits consideration.',
    owners: [byTeam('Improving Frontline Practice Group (IFPG)')],
    inActionColumn: false,
    relatedIds: ['worcs-scb-2018-12-05-log-3-1'],
  }),
  wmasLeadDetails: a(5, {
    text: "Provide the details of the ambulance trust's named safeguarding lead to Helen Hey.",
    owners: [byPartner('west-midlands-ambulance-service')],
    inActionColumn: false,
  }),
  trainingRecommendations: a(6, {
    text: 'Discuss recommendations on future multi-agency training delivery with the Safeguarding Partners.',
    owners: [byTeam('Improving Frontline Practice Group (IFPG)')],
    inActionColumn: false,
    notes:
      'No due date minuted. The minutes say WSCB delivers multi-agency training "until end of July"; the action is not tied to that date.',
  }),
  assuranceRequests: a(7, {
    text: 'Send requests for assurance about the quality assurance of referrals to the front door.',
    owners: [byTeam('WSCB Business Unit')],
    inActionColumn: false,
  }),
} satisfies Record<string, Action>;

const P = 'worcs-scb-2018-12-05';

/** December 2018 action-log entries (numbered as in that log) closed on 13 March 2019. */
export const worcsPriorActions: Action[] = [
  {
    id: `${P}-log-2-5`,
    raisedAtMeetingId: P,
    text: 'Progress of the Child Protection Information Sharing (CP-IS) implementation across Worcestershire.',
    owners: [],
    inActionColumn: true,
    notes: 'Owner not named in the March minutes; the update was given by the Designated Nurse.',
  },
  {
    id: `${P}-log-3-1`,
    raisedAtMeetingId: P,
    text: 'Provide details of a Hampshire lead on abusive head trauma in babies, to see whether their work is usable locally.',
    owners: [
      {
        kind: 'unresolved',
        asWritten: 'DB',
        notes: 'Written "DB"; in these minutes the chair Derek Benson is "DBe", so "DB" is not assumed to be him.',
      },
    ],
    inActionColumn: true,
  },
];

export const worcsActionUpdates: ActionUpdate[] = [
  {
    actionId: `${P}-log-2-5`,
    recordedAtMeetingId: M,
    status: 'closed',
    text: 'NHS England and NHS Digital accepted the mitigating action; a watching brief stays until implementation. Out-of-hours services now send all referrals to the MASH. Closed.',
    reportedByPersonId: 'ellen-footman',
    basis: 'recorded',
  },
  {
    actionId: `${P}-log-3-1`,
    recordedAtMeetingId: M,
    status: 'closed',
    text: 'The ICON project (shortlisted for a national award) costs a £3k one-off charge; the board referred it to IFPG first. Closed.',
    basis: 'recorded',
  },
];
