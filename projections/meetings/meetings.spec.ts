import type { ActionEvent } from '../../src/actions';
import type { DecisionEvent } from '../../src/decisions';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { MeetingEvent } from '../../src/meetings';
import type { BoardEvent } from '../../src/partners';
import { boardFactsKey, meetingKey, type MeetingDoc } from './meeting-doc';
import { meetingsProjection as p } from './meetings.projection';
import { matchesQuery, meetingView } from './meetings.queries';

const stored = storedEventFactory({ step: 2 }); // increasing, not dense
const FEB = 'wseb-2022-02-01';
const MAY = 'wseb-2022-05-10';
const mtg = (e: MeetingEvent, at?: string) => stored(`meeting-${e.data.meetingId}`, e.type, e.data, at);
const dec = (e: DecisionEvent) => stored(`decision-${e.data.decisionId}`, e.type, e.data);
const act = (e: ActionEvent) => stored(`action-${e.data.actionId}`, e.type, e.data);

const scheduled = mtg({
  type: 'meeting-scheduled',
  data: { meetingId: MAY, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00.000Z', location: 'Shire Hall' },
});
const attendance = mtg({
  type: 'attendance-recorded',
  data: {
    meetingId: MAY,
    entries: [
      { personId: 'pete-hill', status: 'present' },
      { personId: 'jackie-channell', status: 'apologies' },
      { personId: 'jo-galloway', status: 'deputising', deputisingForPersonId: 'jackie-channell' },
    ],
  },
});
const approved = mtg({
  type: 'previous-minutes-approved',
  data: { meetingId: MAY, previousMeetingId: FEB, outcome: 'amended', amendments: ['Item 3 reworded'] },
});
const decided = dec({
  type: 'decision-recorded',
  data: {
    decisionId: 'd1',
    meetingId: MAY,
    itemNumber: 4,
    outcome: 'agreed',
    text: 'Agreed',
    conditions: [],
    responsiblePartnerIds: [],
  },
});
const raised = act({
  type: 'action-raised',
  data: { actionId: 'a1', meetingId: MAY, itemNumber: 4, text: 'Publish', owners: [{ kind: 'team', name: 'All' }] },
});

/** Every document the events touch, each folded through keysOf/evolve as the runner does. */
function given(events: StoredEvent[]): Map<string, MeetingDoc> {
  const docs = new Map<string, MeetingDoc>();
  for (const e of events.filter((x) => p.canHandle(x)))
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  return docs;
}
const meeting = (events: StoredEvent[], id = MAY) => given(events).get(meetingKey(id))!;

describe('meetings projection', () => {
  it('given a schedule and attendance, then lines are by person with apologies and whom a deputy stood in for', () => {
    const doc = meeting([scheduled, attendance]);
    expect(doc).toMatchObject({ scheduled: true, boardId: 'wseb', location: 'Shire Hall', closed: false });
    expect(doc.attendance).toEqual([
      { personId: 'jackie-channell', status: 'apologies' },
      { personId: 'jo-galloway', status: 'deputising', deputisingForPersonId: 'jackie-channell' },
      { personId: 'pete-hill', status: 'present' },
    ]);
  });

  it('when a line is corrected, then it is replaced and the correction kept with what it was', () => {
    const corrected = mtg({
      type: 'attendance-corrected',
      data: {
        meetingId: MAY,
        personId: 'pete-hill',
        entry: { personId: 'pete-hill', status: 'apologies' },
        previous: { personId: 'pete-hill', status: 'present' },
        reason: 'Sent apologies',
      },
    });
    const doc = meeting([scheduled, attendance, corrected]);
    expect(doc.attendance.find((a) => a.personId === 'pete-hill')).toEqual({
      personId: 'pete-hill',
      status: 'apologies',
    });
    expect(doc.attendanceCorrections).toEqual([
      {
        personId: 'pete-hill',
        entry: { status: 'apologies' },
        previous: { status: 'present' },
        reason: 'Sent apologies',
        corrected: expect.objectContaining({ occurredAt: corrected.metadata.occurredAt }),
      },
    ]);
  });

  it('when minutes are approved, then both meetings show it: the approving one and the one approved', () => {
    const docs = given([scheduled, approved]);
    expect(docs.get(meetingKey(MAY))!.approvesMinutesOf).toEqual([
      expect.objectContaining({ meetingId: FEB, outcome: 'amended', amendments: ['Item 3 reworded'] }),
    ]);
    expect(docs.get(meetingKey(FEB))!.minutesApprovedAt).toEqual([
      expect.objectContaining({ meetingId: MAY, outcome: 'amended' }),
    ]);
  });

  it('given agenda items added out of order, then the agenda is in item order with presenters', () => {
    const item = (itemNumber: number, presenterPersonIds?: string[]) =>
      mtg({
        type: 'agenda-item-added',
        data: { meetingId: MAY, itemNumber, title: `Item ${itemNumber}`, presenterPersonIds },
      });
    expect(meeting([scheduled, item(5), item(2, ['julie-smith', 'jo-davies'])]).agenda).toEqual([
      // The first presenter stays under the single field agenda items had before (deprecated).
      {
        itemNumber: 2,
        title: 'Item 2',
        presenterPersonIds: ['julie-smith', 'jo-davies'],
        presenterPersonId: 'julie-smith',
      },
      { itemNumber: 5, title: 'Item 5' },
    ]);
  });

  it('when a decision is recorded and an action raised at it, then the meeting lists them, whatever the order', () => {
    const doc = meeting([decided, raised, scheduled]);
    expect(doc.decisions).toEqual([expect.objectContaining({ decisionId: 'd1', itemNumber: 4, outcome: 'agreed' })]);
    expect(doc.actions).toEqual([expect.objectContaining({ actionId: 'a1', owners: [{ kind: 'team', name: 'All' }] })]);
    expect(doc.history.map((h) => h.streamId)).toEqual(['decision-d1', 'action-a1', `meeting-${MAY}`]);
  });

  it('given a later decision or action event, then the meeting ignores it (it does not name the meeting)', () => {
    const rescinded = dec({ type: 'decision-rescinded', data: { decisionId: 'd1', reason: 'Wrong' } });
    const completed = act({ type: 'action-completed', data: { actionId: 'a1' } });
    expect([rescinded, completed].map((e) => p.canHandle(e))).toEqual([false, false]);
  });

  it('then each history line says in plain English what happened, and where to verify it', () => {
    const [scheduledLine, attendanceLine] = meeting([scheduled, attendance]).history;
    expect(scheduledLine).toMatchObject({
      type: 'meeting-scheduled',
      summary: 'Scheduled for 2022-05-10T09:30:00.000Z (board wseb) at Shire Hall',
      streamId: `meeting-${MAY}`,
      position: scheduled.position,
    });
    expect(attendanceLine.summary).toBe(
      'Attendance recorded: pete-hill present; jackie-channell apologies; jo-galloway deputising for jackie-channell',
    );
  });

  it('then a document is the same after the JSON round trip the store makes', () => {
    const doc = meeting([scheduled, attendance, approved, decided, raised]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('meetings queries', () => {
  const doc = meeting([scheduled, attendance]);
  it('matches board and date range, and never a meeting known only from a decision naming it', () => {
    expect(matchesQuery(doc, { boardId: 'wseb', from: '2022-05-10', to: '2022-05-10' })).toBe(true);
    expect(matchesQuery(doc, { boardId: 'worcs-scb' })).toBe(false);
    expect(matchesQuery(doc, { from: '2022-05-11' })).toBe(false);
    expect(matchesQuery(meeting([decided]), {})).toBe(false);
  });

  it('shows the document without its history (that is at /history)', () => {
    expect(meetingView(doc)).not.toHaveProperty('history');
    expect(meetingView(doc)).toMatchObject({ meetingId: MAY, attendance: doc.attendance });
  });
});

describe('meetings projection: quorum', () => {
  const brd = (e: BoardEvent) => stored(`board-${e.data.boardId}`, e.type, e.data);
  const member = (seat: string, partnerId: string, personId: string) =>
    brd({
      type: 'board-member-added',
      data: { boardId: 'wseb', seat, partnerId, personId, statutory: true, from: '2022-01-01' },
    });

  it("given the board's statutory members and rule, then the meeting shows whether it was quorate that day", () => {
    const docs = given([
      member('health', 'cw-icb', 'jackie-channell'),
      member('police', 'warwickshire-police', 'pete-hill'),
      brd({
        type: 'board-quorum-rule-set',
        data: { boardId: 'wseb', rule: 'each-statutory-partner', from: '2022-01-01' },
      }),
      scheduled,
      attendance,
    ]);
    const board = docs.get(boardFactsKey('wseb'))!.board;
    expect(meetingView(docs.get(meetingKey(MAY))!, board).quorum).toEqual({
      rule: 'each-statutory-partner',
      quorate: true,
      missingStatutoryPartners: [],
      seatsCovered: 2,
      seatsHeld: 2,
    });
    expect(docs.get(boardFactsKey('wseb'))!.scheduled).toBe(false);
  });
});
