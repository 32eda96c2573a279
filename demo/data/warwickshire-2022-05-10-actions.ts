/**
 * Actions of the Warwickshire Safeguarding Executive Board meeting of 10 May 2022, and the
 * earlier actions whose progress that meeting's action log reported.
 *
 * Action ids are `wseb-2022-05-10-aN` in minute order. Earlier actions (raised at the previous
 * meeting, whose date the minutes do not give) are `wseb-before-2022-05-10-pN`.
 */
import { byPerson, byTeam } from './build';
import type { Action, ActionUpdate } from './types';

const M = 'wseb-2022-05-10';
const a = (n: number, rest: Omit<Action, 'id' | 'raisedAtMeetingId'>): Action => ({
  id: `${M}-a${n}`,
  raisedAtMeetingId: M,
  ...rest,
});

export const mayActions = {
  escalationOnJuneAgenda: a(1, {
    text: 'Add escalation to the June agenda for an update.',
    owners: [byTeam('WS Business Team')],
    due: { kind: 'meeting', meetingId: 'wseb-2022-06-07' },
    inActionColumn: true,
  }),
  writeToHwbChair: a(2, {
    text: "Write to the chair of the Health and Wellbeing Board with the board's views on support for children with complex social, emotional and mental health needs.",
    owners: [byPerson('elaine-coleridge-smith')],
    inActionColumn: true,
  }),
  updateCsprReport: a(3, {
    text: 'Update the CSPR (James) report in line with the discussion and send the revised version to the Business Manager.',
    owners: [byPerson('lucy-young')],
    // No due date is minuted: publication was planned for June 2022, but the update is not tied to it.
    inActionColumn: false,
    notes: 'A "next step" in the discussion rather than the action column; it is the condition of the CSPR sign-off.',
  }),
  policeTrainingInput: a(4, {
    text: 'Discuss a financial contribution from Warwickshire Police to the training programme.',
    owners: [byPerson('pete-hill'), byPerson('amrita-sharma')],
    inActionColumn: true,
  }),
  amendTrainingTitle: a(5, {
    text: "Rename the training theme 'Voice of the Child' to 'Capturing the voice of the child/adult'.",
    // Trap (owner not on attendance): Caroline McCluskey attended no meeting in the data set.
    owners: [byPerson('caroline-mccluskey'), byPerson('kiran-mahal')],
    inActionColumn: true,
  }),
  coordinateMashVisit: a(6, {
    text: 'Coordinate the MASH (Front Door) assurance visit; partners to send nominees.',
    // "JC" here is Jackie Channell, not John Coleman ("JCol").
    owners: [byPerson('jackie-channell')],
    inActionColumn: true,
  }),
  emailContributions: a(7, {
    text: 'Email partners the financial contributions required to cover the 2022/23 shortfall.',
    owners: [byPerson('amrita-sharma')],
    inActionColumn: true,
  }),
  policeSupervision: a(8, {
    text: 'Discuss the business team using police occupational-health supervision sessions.',
    owners: [byPerson('amrita-sharma'), byPerson('pete-hill')],
    inActionColumn: true,
  }),
  jtaiResources: a(9, {
    text: 'Each partner to consider what resources in its own service could support JTAI preparation.',
    owners: [byTeam('All')],
    inActionColumn: true,
    notes: 'Owner written as "All"; in context, the three statutory partners.',
  }),
  bookJulyRoom: a(10, {
    text: 'Book a meeting room for the July meeting.',
    owners: [byTeam('WS Business Team')],
    due: { kind: 'meeting', meetingId: 'wseb-2022-07' },
    inActionColumn: true,
  }),
  icbLiterature: a(11, {
    text: 'Share literature on the Integrated Care Board with WSEB members.',
    owners: [byPerson('jo-galloway')],
    inActionColumn: true,
    notes: 'Asked for ahead of the ICB taking over on 1 July 2022; no due date minuted.',
  }),
} satisfies Record<string, Action>;

const P = 'wseb-before-2022-05-10';
const p = (n: number, rest: Omit<Action, 'id' | 'raisedAtMeetingId' | 'inActionColumn'>): Action => ({
  id: `${P}-p${n}`,
  raisedAtMeetingId: P,
  inActionColumn: true,
  ...rest,
});

/** Earlier actions reported on in the May 2022 action log. */
export const mayPriorActions: Action[] = [
  p(1, {
    text: 'Explore training for Safeguarding Reviews Panel members.',
    owners: [],
    notes: 'Owner not named in these minutes.',
  }),
  p(2, {
    text: 'Share examples of incidents (health service gaps) with health colleagues.',
    owners: [byPerson('pete-hill')],
  }),
  p(3, { text: 'Partnership funding.', owners: [], relatedIds: ['wseb-2022-05-10-d-underwrite-shortfall'] }),
  p(4, { text: 'Progress the adult lessons learned briefing (LLB).', owners: [] }),
  p(5, { text: 'Share the Ofsted report and action plan with partners.', owners: [] }),
  p(6, { text: 'Add Ofsted and IICSA report findings to the forward plan for March.', owners: [] }),
];

const upd = (n: number, status: ActionUpdate['status'], text: string, reportedByPersonId?: string): ActionUpdate => ({
  actionId: `${P}-p${n}`,
  recordedAtMeetingId: M,
  status,
  text,
  basis: 'recorded',
  ...(reportedByPersonId ? { reportedByPersonId } : {}),
});

export const mayActionUpdates: ActionUpdate[] = [
  upd(
    1,
    'delayed',
    'Not yet possible because of sickness absence; still a priority. A pre-recorded presentation with voiceover is planned for panel members and joint reviews.',
    'amrita-sharma',
  ),
  upd(
    2,
    'carried-forward',
    'Shared with health, who passed them to CWPT and the mental health commissioner; carried forward while service gaps are identified.',
    'pete-hill',
  ),
  upd(3, 'on-agenda', 'Taken as agenda item 10 (WS Resources).'),
  upd(4, 'actioned', 'Actioned; to be approved at the Safeguarding Reviews Subgroup on 16 May 2022.'),
  upd(5, 'actioned', 'Actioned.'),
  upd(6, 'for-discussion', 'Item for discussion and consideration.'),
];
