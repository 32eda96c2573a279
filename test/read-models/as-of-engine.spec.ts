import { parseAsOf, type AsOf } from '../../projections/as-of';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { AsOfEngine } from '../../src/read-models/as-of/as-of-engine';
import { AS_OF_SOURCES } from '../../src/read-models/as-of/as-of.providers';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ManualClock } from '../../src/shared/clock';
import { toAppends } from './support/action-histories';
import { runOnce } from './support/runner-harness';

const p = actionLogProjection;
const SNAPSHOT_EVERY = 50;

/** The oracle: the projection's documents from a plain fold over every event at or before `position`. */
function foldTo(events: StoredEvent[], position: number): Record<string, unknown> {
  const docs = new Map<string, unknown>();
  for (const e of events.filter((x) => x.position <= position && p.canHandle(x))) {
    for (const key of p.keysOf(e)) docs.set(key, p.evolve((docs.get(key) ?? p.initialState(key)) as never, e));
  }
  // Through JSON, as stored documents are.
  return JSON.parse(JSON.stringify(Object.fromEntries([...docs].sort(([a], [b]) => (a < b ? -1 : 1)))));
}

describe.each([
  ['small batches (7 events)', { batchSize: 7 }],
  // A rebuild batch holds several intervals: the batch cuts the snapshots inside it (SnapshotCuts).
  ['rebuild batches of 120 events', { rebuildBatchSize: 120 }],
])('as-of engine over snapshots (SQLite read models, memory ledger), built in %s', (_, batching) => {
  const clock = new ManualClock(new Date('2022-05-01T08:00:00.000Z'));
  const events = new MemoryEventStore(clock);
  const store = new ReadModelStore(':memory:', { snapshotEvery: SNAPSHOT_EVERY });
  const engine = new AsOfEngine(events, store, AS_OF_SOURCES);
  let log: StoredEvent[] = [];

  beforeAll(async () => {
    const steps = Array.from({ length: 600 }, (_, n) => ({ action: (n * 7) % 40, kind: n % 8 }));
    // One hour of recording per event, so dates map to known positions.
    for (const { streamId, event } of toAppends(steps, [10, 300, 599])) {
      await events.append(streamId, [event], 'any');
      clock.advance(3_600_000);
    }
    log = await events.readAll();
    await runOnce(events, store, log.at(-1)!.position, batching);
  });
  afterAll(() => store.close());

  it('given a runner that has caught up, then it has taken a snapshot about every interval', () => {
    const head = log.at(-1)!.position;
    const snapshots = [0, 100, 300, head].map((at) => store.layers.snapshotAtOrBefore(p.name, at));
    expect(snapshots[0]).toBeUndefined();
    expect(snapshots[1]).toBeGreaterThanOrEqual(100 - SNAPSHOT_EVERY - 7);
    expect(snapshots[3]).toBeGreaterThan(head - SNAPSHOT_EVERY - 7);
  });

  it('given any position, then the view equals a fold of the log up to it, replaying at most one interval', async () => {
    const positions = [
      -1,
      0,
      1,
      2,
      49,
      50,
      51,
      99,
      100,
      257,
      333,
      400,
      598,
      log.at(-1)!.position,
      log.at(-1)!.position + 10,
    ];
    for (const position of positions) {
      const { view, replayed } = await engine.view(p.name, position);
      const docs = Object.fromEntries([...view.scan(p.name, '')].map(({ key, doc }) => [key, doc]));
      expect(docs).toEqual(foldTo(log, position));
      expect(replayed).toBeLessThanOrEqual(SNAPSHOT_EVERY + 7);
    }
  });

  it('given a key, then get answers its document then, and undefined before it existed', async () => {
    const raisedAt = log.find(
      (e) => e.type === 'action-raised' && (e.data as { actionId: string }).actionId === 'act-33',
    )!.position;
    const before = await engine.view(p.name, raisedAt - 1);
    const after = await engine.view(p.name, raisedAt + 120);
    expect(before.view.get(p.name, 'action:act-33')).toBeUndefined();
    expect(after.view.get(p.name, 'action:act-33')).toEqual(foldTo(log, raisedAt + 120)['action:act-33']);
  });

  it('given a scan with a prefix and a cursor key, then it continues strictly after that key', async () => {
    const { view } = await engine.view(p.name, 420);
    const all = [...view.scan(p.name, 'action:')].map((d) => d.key);
    expect(all.length).toBeGreaterThan(3);
    expect([...view.scan(p.name, 'action:', all[1])].map((d) => d.key)).toEqual(all.slice(2));
    expect(() => view.get('other', 'x')).toThrow(/cannot answer/);
  });

  it('given a scan abandoned after one page, then the read-model file is free for the next commit', async () => {
    const { view } = await engine.view(p.name, 420);
    for (const _ of view.scan(p.name, 'action:')) break;
    expect(() => store.commit('other-projection', 1, undefined, 1, new Map([['k', {}]]), 1)).not.toThrow();
  });

  /** The oracle for dates: the last position whose recordedAt is at or before the instant (the clock here only moves forward). */
  const lastRecordedBy = (instant: string) =>
    log.filter((e) => e.metadata.recordedAt <= instant).at(-1)?.position ?? -1;

  it.each([
    ['before the first event was recorded', '2022-04-30'],
    ['the end of the first day (events recorded from 08:00)', '2022-05-01'],
    ['an instant between two recordings', '2022-05-02T09:30:00+00:00'],
    ['an instant exactly at a recording', '2022-05-02T09:00:00.000Z'],
    ['an instant in another zone', '2022-05-02T10:00:00+01:00'],
    ['long after the last event', '2030-01-01'],
  ])('given asOf %s, then it resolves to the last position recorded by then', async (_, text) => {
    const asOf = parseAsOf(text) as Extract<AsOf, { basis: 'recorded' }>;
    const resolution = await engine.resolve(asOf, text);
    expect(resolution.basis).toBe('recorded');
    expect(resolution.position).toBe(lastRecordedBy(asOf.instant));
    const at = log.find((e) => e.position === resolution.position);
    expect(resolution.recordedAt).toBe(at?.metadata.recordedAt);
  });

  it('given the first day, then it holds exactly the events recorded that day', async () => {
    const resolution = await engine.resolve(parseAsOf('2022-05-01')!, '2022-05-01');
    expect(
      log.filter((e) => e.position <= resolution.position).every((e) => e.metadata.recordedAt.startsWith('2022-05-01')),
    ).toBe(true);
    expect(log.find((e) => e.position > resolution.position)!.metadata.recordedAt).toBe('2022-05-02T00:00:00.000Z');
  });

  it('given a position, then it resolves to the last event at or before it, with the time that event was recorded', async () => {
    expect(await engine.resolve({ basis: 'position', position: 123 }, '123')).toEqual({
      basis: 'position',
      requested: '123',
      position: 123,
      recordedAt: log.find((e) => e.position === 123)!.metadata.recordedAt,
    });
    const last = log.at(-1)!;
    expect(await engine.resolve({ basis: 'position', position: 99_999 }, '99999')).toEqual({
      basis: 'position',
      requested: '99999',
      position: last.position,
      recordedAt: last.metadata.recordedAt,
    });
  });

  it('given a date that falls in the tail the index has not reached, then it reads the log past the index', async () => {
    const tail = new ReadModelStore(':memory:', { snapshotEvery: SNAPSHOT_EVERY });
    try {
      const resolution = await new AsOfEngine(events, tail, AS_OF_SOURCES).resolve(
        parseAsOf('2022-05-01')!,
        '2022-05-01',
      );
      const position = lastRecordedBy('2022-05-01T23:59:59.999Z');
      expect(resolution).toEqual({
        basis: 'recorded',
        requested: '2022-05-01',
        position,
        recordedAt: log.find((e) => e.position === position)!.metadata.recordedAt,
      });
    } finally {
      tail.close();
    }
  });

  it('given a projection with no as-of source, then it refuses plainly', async () => {
    await expect(engine.view('no-such-projection', 1)).rejects.toThrow(/No as-of source/);
  });

  it('given a reset (new version), then its snapshots go with its documents', () => {
    const other = new ReadModelStore(':memory:', { snapshotEvery: 2 });
    try {
      other.reset('q', 1);
      other.commit('q', 1, undefined, 5, new Map([['k', { n: 1 }]]), 2);
      expect(other.layers.snapshotAtOrBefore('q', 5)).toBe(5);
      other.reset('q', 2);
      expect(other.layers.snapshotAtOrBefore('q', 5)).toBeUndefined();
      expect(other.layers.docAt('q', 'k', 5)).toBeUndefined();
    } finally {
      other.close();
    }
  });
});
