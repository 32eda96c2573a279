import type { MessageEvent } from '@nestjs/common';
import { ACTION_KEY_PREFIX, type ActionLogDoc } from '../../projections/action-log/action-log-doc';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { Projection } from '../../projections/projection';
import type { EventStore, ReadAllOptions } from '../../src/ledger/event-store.port';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ProjectionStreams, type StreamSpec } from '../../src/read-models/sse/projection-streams';
import { SseHeartbeat } from '../../src/read-models/sse/sse-heartbeat';
import { ManualClock } from '../../src/shared/clock';
import { newEvent } from '../support/events';
import { HANG_GUARD_MS } from './support/runner-harness';

const actions: StreamSpec<ActionLogDoc> = {
  projection: actionLogProjection,
  select: (key, doc) => (key.startsWith(ACTION_KEY_PREFIX) ? { type: 'action', data: doc } : undefined),
};

/** Writes to the log the suite's current store holds (each test starts a fresh one): positions back. */
function actionWrites(log: () => EventStore) {
  const append = async (streamId: string, type: string, data: object) =>
    (await log().append(streamId, [newEvent(type, data)], 'any')).position;
  const raise = (actionId: string) =>
    append(`action-${actionId}`, 'action-raised', {
      actionId,
      meetingId: 'm1',
      itemNumber: 1,
      text: actionId,
      owners: [{ kind: 'team', name: 'All' }],
      dueDate: '2022-06-30',
    });
  const moveDue = (actionId: string, dueDate: string) =>
    append(`action-${actionId}`, 'action-due-date-changed', { actionId, dueDate, reason: 'moved' });
  /** The meeting every action here is raised at: each test's first write. */
  const scheduleMeeting = () =>
    append('meeting-m1', 'meeting-scheduled', {
      meetingId: 'm1',
      boardId: 'b',
      scheduledFor: '2022-05-10T09:30:00.000Z',
    });
  return { raise, moveDue, scheduleMeeting };
}

/** The SSE streams over `log`, with a heartbeat that never beats within a test. */
const streamsOf = (runner: ProjectionRunner, store: ReadModelStore, log: EventStore) =>
  new ProjectionStreams(runner, store, log, new ManualClock(), new SseHeartbeat(3_600_000));

describe('resuming a projection stream while the log keeps moving', () => {
  let events: MemoryEventStore;
  let store: ReadModelStore;
  let runner: ProjectionRunner;
  const { raise, moveDue, scheduleMeeting } = actionWrites(() => events);

  beforeEach(async () => {
    events = new MemoryEventStore(new ManualClock());
    store = new ReadModelStore(':memory:');
    runner = new ProjectionRunner(events, store, [actionLogProjection], { batchMs: 5 });
    runner.start();
    await scheduleMeeting();
  });
  afterEach(async () => {
    await runner.stop();
    store.close();
  });

  it('given commits while the stream reads the log after Last-Event-ID, then each changed action is sent once, at its latest, and live ones follow: no gap, no repeat', async () => {
    await raise('a1');
    const p = await raise('a2');
    await moveDue('a1', '2022-07-01');
    const a3 = await raise('a3');
    await runner.waitFor(a3, HANG_GUARD_MS);
    // The stream reads the log through a gate that the test opens only after more has been committed.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let pages = 0;
    const gated = {
      lastEventAtOrBefore: (position: number) => events.lastEventAtOrBefore(position),
      readAll: async (o?: ReadAllOptions) => {
        pages++;
        await gate;
        return events.readAll(o);
      },
    } as EventStore;
    const streams = streamsOf(runner, store, gated);
    const opening = streams.open(actions, { headers: { 'last-event-id': String(p) } });
    const a1 = await moveDue('a1', '2022-08-01');
    await runner.waitFor(a1, HANG_GUARD_MS);
    const a4 = await raise('a4');
    await runner.waitFor(a4, HANG_GUARD_MS);
    open();
    const sent: MessageEvent[] = [];
    const sub = (await opening).subscribe((m) => sent.push(m));
    const last = await raise('a5');
    await runner.waitFor(last, HANG_GUARD_MS);
    sub.unsubscribe();
    const docs = sent.map((m) => ({ id: m.id, ...(m.data as { actionId: string; dueDate: string }) }));
    expect(pages).toBeGreaterThan(0);
    // a2 did not change after p; a1 and a4 were committed while the log was being read; a5 is live.
    // Each comes once, at its latest, with the position of its last change as id, in that order.
    expect(docs.map((d) => [d.actionId, d.id])).toEqual([
      ['a3', String(a3)],
      ['a1', String(a1)],
      ['a4', String(a4)],
      ['a5', String(last)],
    ]);
    expect(docs[1].dueDate).toBe('2022-08-01');
  });

  it('given a long log after Last-Event-ID, then it is read in pages and every changed action is sent', async () => {
    const p = await raise('b0');
    for (let i = 1; i <= 1_200; i++) await raise(`b${i}`);
    await runner.waitFor((await events.readAll()).at(-1)!.position, HANG_GUARD_MS);
    const reads: (ReadAllOptions | undefined)[] = [];
    const counted = {
      lastEventAtOrBefore: (position: number) => events.lastEventAtOrBefore(position),
      readAll: (o?: ReadAllOptions) => {
        reads.push(o);
        return events.readAll(o);
      },
    } as EventStore;
    const streams = streamsOf(runner, store, counted);
    const sent: MessageEvent[] = [];
    (await streams.open(actions, { headers: { 'last-event-id': String(p) } }))
      .subscribe((m) => sent.push(m))
      .unsubscribe();
    expect(sent).toHaveLength(1_200);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((o) => o?.maxCount === 500)).toBe(true);
  });
});

describe('resuming a projection stream cut inside one committed batch', () => {
  let events: MemoryEventStore;
  let store: ReadModelStore;
  let runner: ProjectionRunner;
  const { raise, moveDue, scheduleMeeting } = actionWrites(() => events);
  const streamsOver = (log: EventStore) => streamsOf(runner, store, log);
  const sentBy = async (streams: ProjectionStreams, headers: Record<string, string>) => {
    const sent: MessageEvent[] = [];
    (await streams.open(actions, { headers })).subscribe((m) => sent.push(m)).unsubscribe();
    return sent.map((m) => ({ id: m.id, ...(m.data as { actionId: string; dueDate: string }) }));
  };

  beforeEach(async () => {
    events = new MemoryEventStore(new ManualClock());
    store = new ReadModelStore(':memory:');
    await scheduleMeeting();
  });
  afterEach(async () => {
    await runner.stop();
    store.close();
  });

  it('given one batch changing several actions and a client that got only its first document, when it resumes with that id, then it receives the rest of the batch and not the one it had', async () => {
    const first = await raise('a1');
    const a2 = await raise('a2');
    const moved = await moveDue('a1', '2022-07-01');
    const a3 = await raise('a3');
    // Every event in one batch: it commits at its fifth event, never on a timer.
    runner = new ProjectionRunner(events, store, [actionLogProjection], { batchSize: 5, batchMs: 3_600_000 });
    const live: MessageEvent[] = [];
    const stream = (await streamsOver(events).open(actions, { headers: {} })).subscribe((m) => live.push(m));
    runner.start();
    await runner.waitFor(a3, HANG_GUARD_MS);
    stream.unsubscribe();
    // The connection dropped after the batch's first document: resuming with its id sends the rest, not it again.
    const [got] = live as { id: string; data: { actionId: string } }[];
    const rest = await sentBy(streamsOver(events), { 'last-event-id': got.id });
    expect([got.data.actionId, ...rest.map((d) => d.actionId)].sort()).toEqual(['a1', 'a2', 'a3']);
    // Each document carries the position of the last event that changed it, sent in that order.
    expect(first).toBeLessThan(a2);
    expect(live.map((m) => [(m.data as { actionId: string }).actionId, m.id])).toEqual([
      ['a2', String(a2)],
      ['a1', String(moved)],
      ['a3', String(a3)],
    ]);
    expect(rest.map((d) => [d.actionId, d.id, d.dueDate])).toEqual([
      ['a1', String(moved), '2022-07-01'],
      ['a3', String(a3), '2022-06-30'],
    ]);
    // Cut after a1 as well: only a3.
    expect((await sentBy(streamsOver(events), { 'last-event-id': String(moved) })).map((d) => d.actionId)).toEqual([
      'a3',
    ]);
  });
});

/** Counts the events that touch each key: one event may touch several documents. */
const touches: Projection<{ key: string; n: number }> = {
  name: 'touches',
  version: 1,
  canHandle: (e) => e.type === 'touched',
  keysOf: (e) => (e.data as { keys: string[] }).keys,
  initialState: (key) => ({ key, n: 0 }),
  evolve: (d) => ({ ...d, n: d.n + 1 }),
};
const touched: StreamSpec<{ key: string; n: number }> = {
  projection: touches,
  select: (_key, doc) => ({ type: 'touched', data: doc }),
};

describe('a projection stream where one event changes several documents', () => {
  it('given a batch whose first event changed y and z, then y keeps the previous id and z carries the position, so a cut between them resends y and z and loses nothing', async () => {
    const events = new MemoryEventStore(new ManualClock());
    const store = new ReadModelStore(':memory:');
    const touch = async (...keys: string[]) =>
      (await events.append('t', [newEvent('touched', { keys })], 'any')).position;
    await touch('x');
    const e0 = await touch('x');
    // Two events per batch, never on a timer: [x, x] then [y+z, w].
    const runner = new ProjectionRunner(events, store, [touches], {
      batchSize: 2,
      batchMs: 3_600_000,
    });
    runner.start();
    try {
      await runner.waitFor(e0, HANG_GUARD_MS);
      const streams = streamsOf(runner, store, events);
      const live: MessageEvent[] = [];
      const pastHead: MessageEvent[] = [];
      const streams$ = [
        (await streams.open(touched, { headers: {} })).subscribe((m) => live.push(m)),
        (await streams.open(touched, { headers: { 'last-event-id': '9007199254740991' } })).subscribe((m) =>
          pastHead.push(m),
        ),
      ];
      const e1 = await touch('y', 'z');
      const e2 = await touch('w');
      await runner.waitFor(e2, HANG_GUARD_MS);
      streams$.forEach((s) => s.unsubscribe());
      const keyAndId = (ms: MessageEvent[]) => ms.map((m) => [(m.data as { key: string }).key, m.id]);
      // Before anything was sent, a fresh stream (or one resumed past the head) is at the checkpoint it opened at.
      expect(keyAndId(live)).toEqual([
        ['y', String(e0)],
        ['z', String(e1)],
        ['w', String(e2)],
      ]);
      expect(keyAndId(pastHead)).toEqual(keyAndId(live));
      const resumed = async (id: string) => {
        const sent: MessageEvent[] = [];
        (await streams.open(touched, { headers: { 'last-event-id': id } }))
          .subscribe((m) => sent.push(m))
          .unsubscribe();
        return keyAndId(sent);
      };
      // Cut after y (client holds e0): y again, then z and w. Cut after z (holds e1): w alone.
      expect(await resumed(live[0].id!)).toEqual([
        ['y', String(e0)],
        ['z', String(e1)],
        ['w', String(e2)],
      ]);
      expect(await resumed(live[1].id!)).toEqual([['w', String(e2)]]);
    } finally {
      await runner.stop();
      store.close();
    }
  });
});
