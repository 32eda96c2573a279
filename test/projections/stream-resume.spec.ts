import type { MessageEvent } from '@nestjs/common';
import { ACTION_KEY_PREFIX, type ActionLogDoc } from '../../projections/action-log/action-log-doc';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { EventStore, ReadAllOptions } from '../../src/ledger/event-store.port';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { ReadModelStore } from '../../src/projections/read-model-store';
import { ProjectionStreams, type StreamSpec } from '../../src/projections/sse/projection-streams';
import { SseHeartbeat } from '../../src/projections/sse/sse-heartbeat';
import { ManualClock } from '../../src/shared/clock';
import { newEvent } from '../support/events';

const actions: StreamSpec<ActionLogDoc> = {
  projection: actionLogProjection,
  select: (key, doc) => (key.startsWith(ACTION_KEY_PREFIX) ? { type: 'action', data: doc } : undefined),
};

describe('resuming a projection stream while the log keeps moving', () => {
  let events: MemoryEventStore;
  let store: ReadModelStore;
  let runner: ProjectionRunner;
  const append = async (streamId: string, type: string, data: object) => (await events.append(streamId, [newEvent(type, data)], 'any')).position;
  const raise = (actionId: string) => append(`action-${actionId}`, 'action-raised', { actionId, meetingId: 'm1', itemNumber: 1, text: actionId, owners: [{ kind: 'team', name: 'All' }], dueDate: '2022-06-30' });
  const moveDue = (actionId: string, dueDate: string) => append(`action-${actionId}`, 'action-due-date-changed', { actionId, dueDate, reason: 'moved' });

  beforeEach(async () => {
    events = new MemoryEventStore(new ManualClock());
    store = new ReadModelStore(':memory:');
    runner = new ProjectionRunner(events, store, [actionLogProjection], { batchMs: 5 });
    runner.start();
    await append('meeting-m1', 'meeting-scheduled', { meetingId: 'm1', boardId: 'b', scheduledFor: '2022-05-10T09:30:00.000Z' });
  });
  afterEach(async () => { await runner.stop(); store.close(); });

  it('given commits while the stream reads the log after Last-Event-ID, then each changed action is sent once, at its latest, and live ones follow: no gap, no repeat', async () => {
    await raise('a1');
    const p = await raise('a2');
    await moveDue('a1', '2022-07-01');
    await runner.waitFor(await raise('a3'));
    // The stream reads the log through a gate that the test opens only after more has been committed.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let pages = 0;
    const gated = { readAll: async (o?: ReadAllOptions) => { pages++; await gate; return events.readAll(o); } } as EventStore;
    const streams = new ProjectionStreams(runner, store, gated, new ManualClock(), new SseHeartbeat(3_600_000));
    const opening = streams.open(actions, { headers: { 'last-event-id': String(p) } });
    await runner.waitFor(await moveDue('a1', '2022-08-01'));
    await runner.waitFor(await raise('a4'));
    open();
    const sent: MessageEvent[] = [];
    const sub = (await opening).subscribe((m) => sent.push(m));
    const last = await raise('a5');
    await runner.waitFor(last);
    sub.unsubscribe();
    const docs = sent.map((m) => ({ id: m.id, ...(m.data as { actionId: string; dueDate: string }) }));
    expect(pages).toBeGreaterThan(0);
    // a2 did not change after p; a4 was committed while the log was being read; a5 is live.
    expect(docs.map((d) => d.actionId)).toEqual(['a1', 'a3', 'a4', 'a5']);
    expect(docs[0].dueDate).toBe('2022-08-01');
    expect(new Set(docs.slice(0, 3).map((d) => d.id)).size).toBe(1);
    expect(Number(docs[3].id)).toBe(last);
    expect(Number(docs[2].id)).toBeLessThan(last);
  });

  it('given a long log after Last-Event-ID, then it is read in pages and every changed action is sent', async () => {
    const p = await raise('b0');
    for (let i = 1; i <= 1_200; i++) await raise(`b${i}`);
    await runner.waitFor((await events.readAll()).at(-1)!.position);
    const reads: (ReadAllOptions | undefined)[] = [];
    const counted = { readAll: (o?: ReadAllOptions) => { reads.push(o); return events.readAll(o); } } as EventStore;
    const streams = new ProjectionStreams(runner, store, counted, new ManualClock(), new SseHeartbeat(3_600_000));
    const sent: MessageEvent[] = [];
    (await streams.open(actions, { headers: { 'last-event-id': String(p) } })).subscribe((m) => sent.push(m)).unsubscribe();
    expect(sent).toHaveLength(1_200);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((o) => o?.maxCount === 500)).toBe(true);
  });
});
