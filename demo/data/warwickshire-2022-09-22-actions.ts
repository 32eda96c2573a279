/**
 * Actions of the Warwickshire Safeguarding Executive Board meeting of 22 September 2022, and
 * the follow-up it shows on May 2022 actions.
 *
 * Initials in the owner column are resolved against the attendance list: "CJ" is Chelsea Jones,
 * "JCol" is John Coleman, "JC" is Jackie Channell, "TP" is Tracy Pilcher, "HR" is Holly Reed.
 */
import { byPerson } from './build';
import type { Action, ActionUpdate } from './types';

const M = 'wseb-2022-09-22';
const a = (n: number, rest: Omit<Action, 'id' | 'raisedAtMeetingId'>): Action => ({
  id: `${M}-a${n}`,
  raisedAtMeetingId: M,
  ...rest,
});

export const septActions = {
  ladoOnForwardPlan: a(1, {
    text: "Add the LADO annual report to the WS forward plan for next year's annual report cycle.",
    owners: [byPerson('chelsea-jones')],
    inActionColumn: true,
  }),
  thematicActionPlans: a(2, {
    text: 'Police, council and health each develop an action plan answering the core thematic review findings and present an overview of progress to a future WSEB.',
    // Trap (apologies but owner): Nigel Minns and Tracy Pilcher sent apologies yet are named
    // owners. "TP/JC" is read as Tracy Pilcher and/or Jackie Channell for health.
    owners: [byPerson('pete-hill'), byPerson('nigel-minns'), byPerson('tracy-pilcher'), byPerson('jackie-channell')],
    inActionColumn: true,
    notes: 'Owners as written "PH, NM & TP/JC"; NM and TP were on the apologies list.',
  }),
  executiveSummary: a(3, {
    text: 'Update the thematic review report to include an executive summary.',
    owners: [byPerson('amrita-sharma')],
    inActionColumn: true,
  }),
  mashWorkingGroup: a(4, {
    text: 'Set up a working group (police, council, health and the front door service manager) to plan the MASH/Front Door audit and agree a visit date.',
    owners: [byPerson('john-coleman'), byPerson('amrita-sharma')],
    inActionColumn: true,
    relatedIds: ['wseb-2022-05-10-a6'],
  }),
  contactDaveAndrews: a(5, {
    text: 'Contact Dave Andrews about amendments to the modern slavery and human trafficking 7 minute briefings.',
    // Trap (owner not on attendance): Holly Reed ("HR") is not on the attendance list.
    owners: [byPerson('amrita-sharma'), byPerson('holly-reed')],
    inActionColumn: true,
  }),
  nationalReviewOnAgenda: a(6, {
    text: 'Put the National Review (disabled children with complex health needs in residential settings) on the next WSEB agenda.',
    owners: [byPerson('chelsea-jones')],
    due: { kind: 'meeting', meetingId: 'wseb-2022-11-08' },
    inActionColumn: true,
  }),
  policeInspectionForwardPlan: a(7, {
    text: 'Add the police inspection recommendations update to the WSEB forward plan for April 2023.',
    owners: [byPerson('chelsea-jones')],
    // No due date minuted. April 2023 is the forward plan's month (a forward-plan item), not a meeting the minutes date.
    inActionColumn: true,
  }),
  policeInspectionUpdate: a(8, {
    text: 'Update the WSEB on progress against the eight police inspection recommendations.',
    owners: [byPerson('pete-hill')],
    // "Within six months, Pete Hill is to provide an update to the WSEB": six months from 22 September 2022.
    due: { kind: 'within', months: 6, date: '2023-03-22', asWritten: 'Within six months' },
    inActionColumn: false,
    notes: 'Stated in the discussion; the action column records only the forward-plan entry (a7).',
  }),
  hwbInvitations: a(9, {
    text: 'Forward the Health and Wellbeing subgroup meeting invitations to the Independent Chair.',
    owners: [byPerson('john-coleman')],
    inActionColumn: true,
    relatedIds: ['wseb-2022-05-10-a2'],
  }),
  icbPresentation: a(10, {
    text: 'Contact Tracy Pilcher about presenting the new ICB structure to the WSP.',
    owners: [byPerson('amrita-sharma')],
    due: { kind: 'meeting', meetingId: 'wsp-2022-10-04' },
    inActionColumn: true,
    relatedIds: ['wseb-2022-05-10-a11'],
  }),
  conferenceWorkingGroup: a(11, {
    text: 'Establish working group membership to plan an annual partnership conference.',
    owners: [byPerson('amrita-sharma')],
    inActionColumn: true,
  }),
} satisfies Record<string, Action>;

const inferred = (actionId: string, text: string): ActionUpdate => ({
  actionId,
  recordedAtMeetingId: M,
  status: 'progressed',
  text,
  basis: 'inferred',
});

/**
 * The September minutes as published start at item 3 and carry no action log, so May's
 * actions get no recorded status. These updates are inferred from follow-up items only.
 */
export const septActionUpdates: ActionUpdate[] = [
  inferred(
    'wseb-2022-05-10-a1',
    'Escalation returned to the board: health escalations routed to Jackie Channell and the WS Escalation Protocol to be implemented (item 3).',
  ),
  inferred(
    'wseb-2022-05-10-a2',
    'The Health and Wellbeing subgroup for children and young people has been established (item 10).',
  ),
  inferred('wseb-2022-05-10-a6', 'The MASH assurance visit became a Front Door audit with a working group (item 6).'),
  inferred('wseb-2022-05-10-a11', 'The ICB structure is to be presented to the WSP on 4 Oct 2022 (item 11).'),
];
