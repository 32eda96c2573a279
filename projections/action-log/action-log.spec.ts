import type { ActionEvent } from '../../src/actions';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { TEST_ACTOR as actor, storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { ActionLogDoc, ActionLogEntry } from './action-log-doc';
import { actionHistory, actionLogProjection as p } from './action-log.projection';

const stored = storedEventFactory({ step: 3 }); // positions increase but are not dense
const id = 'wseb-2022-05-10-a1';
const act = (e: ActionEvent, at?: string) => stored(`action-${id}`, e.type, e.data, at);
const raisedData: Extract<ActionEvent, { type: 'action-raised' }>['data'] = {
  actionId: id,
  meetingId: 'wseb-2022-05-10',
  itemNumber: 3,
  text: 'Add escalation to the June agenda',
  owners: [{ kind: 'person', personId: 'pete-hill' }],
  dueDate: '2022-06-30',
  targetMeetingId: 'wseb-2022-06-07',
};
const raised = act({ type: 'action-raised', data: raisedData });

/** Given these events, the documents the projection holds, by key. */
function given(...events: StoredEvent[]): Map<string, ActionLogDoc> {
  const docs = new Map<string, ActionLogDoc>();
  for (const e of events.filter((e) => p.canHandle(e))) {
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  }
  return docs;
}
const action = (...events: StoredEvent[]) => given(...events).get(`action:${id}`) as ActionLogEntry;
/** The history the reader shows: the action's stream, summarised (here, the same events). */
const history = (...events: StoredEvent[]) => actionHistory(events);

describe('action-log projection: which events it reads', () => {
  it.each([
    ['an action event', raised, true],
    [
      'a meeting being scheduled',
      stored('meeting-wseb-2022-05-10', 'meeting-scheduled', {
        meetingId: 'wseb-2022-05-10',
        boardId: 'wseb',
        scheduledFor: '2022-05-10T09:30:00.000Z',
      }),
      true,
    ],
    [
      'another meeting event',
      stored('meeting-wseb-2022-05-10', 'meeting-closed', { meetingId: 'wseb-2022-05-10' }),
      false,
    ],
    ['an unknown action event type', stored(`action-${id}`, 'action-renamed', { actionId: id }), false],
    ['an action-like type in another stream', stored('escalation-x', 'action-raised', { actionId: 'x' }), false],
  ])('%s -> %s', (_, event, handled) => {
    expect(p.canHandle(event)).toBe(handled);
  });
});

describe('action-log projection: one document per action', () => {
  it("given two events of the action's stream, then the document carries the stream revision of the last", () => {
    const progress = act({ type: 'action-progress-noted', data: { actionId: id, note: 'Drafted' } });
    expect(action({ ...raised, revision: 0 }).revision).toBe(0);
    expect(action({ ...raised, revision: 0 }, { ...progress, revision: 1 }).revision).toBe(1);
  });

  it('given an action raised, then the document shows text, owners, due date, origin and target', () => {
    expect(action(raised)).toMatchObject({
      kind: 'action',
      actionId: id,
      raised: true,
      status: 'open',
      text: 'Add escalation to the June agenda',
      owners: [{ kind: 'person', personId: 'pete-hill' }],
      dueDate: '2022-06-30',
      targetMeetingId: 'wseb-2022-06-07',
      originMeetingId: 'wseb-2022-05-10',
      originItemNumber: 3,
      timesCarriedForward: 0,
      raisedAt: '2022-05-10T10:00:00.000Z',
      lastUpdate: { type: 'action-raised', occurredAt: '2022-05-10T10:00:00.000Z', actor },
    });
    expect(action(raised).historyLength).toBe(1);
    expect(history(raised)).toEqual([
      expect.objectContaining({
        type: 'action-raised',
        summary: 'Raised at wseb-2022-05-10 item 3 for person:pete-hill, due by 2022-06-30 and at wseb-2022-06-07',
        eventId: raised.id,
        position: raised.position,
      }),
    ]);
  });

  it('given a carry forward, then the target moves and the count goes up', () => {
    const events = [
      raised,
      act(
        {
          type: 'action-carried-forward',
          data: {
            actionId: id,
            toMeetingId: 'wseb-2022-07-12',
            fromMeetingId: 'wseb-2022-06-07',
            timesCarriedForward: 1,
            note: 'Not reached',
          },
        },
        '2022-06-07T11:00:00.000Z',
      ),
    ];
    expect(action(...events)).toMatchObject({
      targetMeetingId: 'wseb-2022-07-12',
      timesCarriedForward: 1,
      historyLength: 2,
      lastUpdate: { type: 'action-carried-forward', occurredAt: '2022-06-07T11:00:00.000Z' },
    });
    expect(history(...events)[1].summary).toBe(
      'Carried forward to wseb-2022-07-12 from wseb-2022-06-07 (1 time): Not reached',
    );
  });

  it('given a reassignment and a new due date, then owners and due date are the latest', () => {
    const events = [
      raised,
      act({
        type: 'action-reassigned',
        data: {
          actionId: id,
          owners: [{ kind: 'team', name: 'WS Business Team' }],
          previousOwners: [{ kind: 'person', personId: 'pete-hill' }],
          reason: 'Leave',
        },
      }),
      act({
        type: 'action-due-date-changed',
        data: { actionId: id, dueDate: '2022-07-31', previousDueDate: '2022-06-30', reason: 'Audit' },
      }),
    ];
    expect(action(...events)).toMatchObject({
      owners: [{ kind: 'team', name: 'WS Business Team' }],
      dueDate: '2022-07-31',
    });
    expect(history(...events).map((h) => h.summary)).toEqual([
      expect.any(String),
      'Reassigned from person:pete-hill to team:WS Business Team: Leave',
      'Due date moved from 2022-06-30 to 2022-07-31: Audit',
    ]);
  });

  it('given completed then closed, then both dates are kept; a reopen clears them but not the history', () => {
    const done = [
      raised,
      act({ type: 'action-completed', data: { actionId: id } }, '2022-06-01T00:00:00.000Z'),
      act({ type: 'action-closed', data: { actionId: id, closedFrom: 'actioned' } }, '2022-06-07T11:00:00.000Z'),
    ];
    expect(action(...done)).toMatchObject({
      status: 'closed',
      completedAt: '2022-06-01T00:00:00.000Z',
      closedAt: '2022-06-07T11:00:00.000Z',
    });
    const all = [
      ...done,
      act({ type: 'action-reopened', data: { actionId: id, reopenedFrom: 'closed', reason: 'Letter never sent' } }),
    ];
    const reopened = action(...all);
    expect(reopened).toMatchObject({ status: 'open', historyLength: 4 });
    expect(reopened).not.toHaveProperty('completedAt');
    expect(reopened).not.toHaveProperty('closedAt');
    expect(history(...all).map((h) => h.type)).toEqual([
      'action-raised',
      'action-completed',
      'action-closed',
      'action-reopened',
    ]);
  });

  it('given a cancellation, then it is cancelled with the date', () => {
    expect(
      action(
        raised,
        act(
          { type: 'action-cancelled', data: { actionId: id, cancelledFrom: 'open', reason: 'Superseded' } },
          '2022-06-07T11:00:00.000Z',
        ),
      ),
    ).toMatchObject({ status: 'cancelled', cancelledAt: '2022-06-07T11:00:00.000Z' });
  });

  it('given progress notes, then only the history and last update change', () => {
    const events = [
      raised,
      act(
        { type: 'action-progress-noted', data: { actionId: id, note: 'Draft letter prepared' } },
        '2022-05-20T00:00:00.000Z',
      ),
    ];
    expect(action(...events)).toMatchObject({
      status: 'open',
      lastUpdate: { type: 'action-progress-noted', occurredAt: '2022-05-20T00:00:00.000Z' },
    });
    expect(history(...events)[1].summary).toBe('Progress noted: Draft letter prepared');
  });

  it('never mutates the document it is given', () => {
    const before = action(raised);
    const frozen = structuredClone(before);
    p.evolve(before, act({ type: 'action-completed', data: { actionId: id } }));
    expect(before).toEqual(frozen);
  });
});

describe("action-log history: the action's stream, summarised", () => {
  it('keeps only action events, and none after the position the documents show', () => {
    const progress = act({ type: 'action-progress-noted', data: { actionId: id, note: 'Draft' } });
    const other = stored(`action-${id}`, 'action-renamed', { actionId: id });
    expect(actionHistory([raised, other, progress]).map((h) => h.type)).toEqual([
      'action-raised',
      'action-progress-noted',
    ]);
    expect(actionHistory([raised, progress], raised.position).map((h) => h.eventId)).toEqual([raised.id]);
  });
});

describe('action-log projection: the meeting -> board link', () => {
  it('given a meeting scheduled, then a meeting document records its board', () => {
    const docs = given(
      stored('meeting-wseb-2022-05-10', 'meeting-scheduled', {
        meetingId: 'wseb-2022-05-10',
        boardId: 'wseb',
        scheduledFor: '2022-05-10T09:30:00.000Z',
      }),
    );
    expect(docs.get('meeting:wseb-2022-05-10')).toEqual({
      kind: 'meeting',
      meetingId: 'wseb-2022-05-10',
      boardId: 'wseb',
      scheduledFor: '2022-05-10T09:30:00.000Z',
    });
  });
});

describe("action-log projection: owners' partners at the time", () => {
  it("given a raise recording the person owners' partners, then the document keeps them and when the owners were set", () => {
    const ownerPartners = [{ personId: 'pete-hill', partnerId: 'warwickshire-police' }];
    const withPartners = act({ type: 'action-raised', data: { ...raisedData, ownerPartners } });
    expect(action(withPartners)).toMatchObject({ ownerPartners, ownedSince: '2022-05-10T10:00:00.000Z' });
  });

  it('given a reassignment written before partners were recorded, then the earlier ones are cleared and the date moves', () => {
    const ownerPartners = [{ personId: 'pete-hill', partnerId: 'warwickshire-police' }];
    const doc = action(
      act({ type: 'action-raised', data: { ...raisedData, ownerPartners } }),
      act(
        {
          type: 'action-reassigned',
          data: {
            actionId: id,
            owners: [{ kind: 'person', personId: 'jo-bloggs' }],
            previousOwners: [{ kind: 'person', personId: 'pete-hill' }],
          },
        },
        '2022-07-12T11:00:00.000Z',
      ),
    );
    expect(doc).not.toHaveProperty('ownerPartners');
    expect(doc.ownedSince).toBe('2022-07-12T11:00:00.000Z');
  });

  it('given a person registered then moved, then a person document holds their partners over time', () => {
    const docs = given(
      stored('person-jo-bloggs', 'person-registered', {
        personId: 'jo-bloggs',
        name: 'Jo Bloggs',
        partnerId: 'warwickshire-county-council',
        title: 'Head of Service',
      }),
      stored('person-jo-bloggs', 'person-updated', {
        personId: 'jo-bloggs',
        effectiveFrom: '2022-07-01',
        partnerId: 'warwickshire-police',
      }),
      stored('person-jo-bloggs', 'person-updated', {
        personId: 'jo-bloggs',
        effectiveFrom: '2022-09-01',
        title: 'DCI',
      }),
    );
    expect(docs.get('person:jo-bloggs')).toEqual({
      kind: 'person',
      personId: 'jo-bloggs',
      roles: [
        { partnerId: 'warwickshire-county-council', from: null },
        { partnerId: 'warwickshire-police', from: '2022-07-01' },
        { partnerId: 'warwickshire-police', from: '2022-09-01' },
      ],
    });
  });
});
