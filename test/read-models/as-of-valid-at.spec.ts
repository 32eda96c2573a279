import { occurredBy, parseAsOf, parseValidAt } from '../../projections/as-of';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { provenance } from '../../src/read-models/as-of/as-of-answer';
import { AsOfEngine } from '../../src/read-models/as-of/as-of-engine';
import { AS_OF_SOURCES } from '../../src/read-models/as-of/as-of.providers';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ManualClock } from '../../src/shared/clock';
import { storedEvent } from '../../src/ledger/testing/stored-events';
import { toAppends } from './support/action-histories';
import { runOnce } from './support/runner-harness';

const p = actionLogProjection;
const DAY = 86_400_000;

describe('parseValidAt: what a validAt query parameter means (business time)', () => {
  it.each([
    ['2024-10-01', { through: '2024-10-01T23:59:59.999Z', date: '2024-10-01' }],
    ['2024-10-01T12:00:00Z', { through: '2024-10-01T12:00:00.000Z', date: '2024-10-01' }],
    ['2024-10-01T00:30:00+01:00', { through: '2024-09-30T23:30:00.000Z', date: '2024-09-30' }],
  ])('accepts %s', (text, expected) => {
    expect(parseValidAt(text)).toEqual(expected);
  });

  it.each([
    ['a log position (business time has none)', '1234'],
    ['an impossible date', '2024-02-30'],
    ['an instant without a zone (ambiguous)', '2024-10-01T12:00:00'],
    ['a word', 'yesterday'],
    ['empty', ''],
  ])('refuses %s', (_, text) => {
    expect(parseValidAt(text)).toBeUndefined();
  });
});

describe('occurredBy: the business-time filter', () => {
  const event = (times: { occurredAt?: string; recordedAt?: string }) =>
    storedEvent({ streamId: 'action-a1', type: 'action-progress-noted', data: {}, ...times });
  const byEndOf1October = occurredBy(parseValidAt('2024-10-01')!.through);

  it.each([
    ['happened that morning, recorded weeks later', '2024-10-01T10:00:00.000Z', '2024-11-21T18:00:00.000Z', true],
    ['happened at the last millisecond of the day', '2024-10-01T23:59:59.999Z', '2024-10-02T09:00:00.000Z', true],
    [
      'happened the next day, recorded long before the question',
      '2024-10-02T00:00:00.000Z',
      '2024-10-02T00:00:00Z',
      false,
    ],
    [
      'written without milliseconds, the same instant as through',
      '2024-10-01T23:59:59.999Z',
      '2024-10-01T23:59:59Z',
      true,
    ],
  ])(
    'given an event that %s (occurred %s, recorded %s), then happened by then: %s',
    (_, occurredAt, recordedAt, expected) => {
      expect(byEndOf1October(event({ occurredAt, recordedAt }))).toBe(expected);
    },
  );

  it('given a business time in another zone, then it compares instants, not text', () => {
    expect(byEndOf1October(event({ occurredAt: '2024-10-02T00:30:00+01:00' }))).toBe(true);
    expect(byEndOf1October(event({ occurredAt: '2024-10-02T01:30:00+01:00' }))).toBe(false);
  });

  it('given an event stored without a business time, then it counts from when it was recorded', () => {
    const recordedOn = (recordedAt: string): StoredEvent => {
      const e = event({ recordedAt });
      const { occurredAt: _, ...withoutOccurredAt } = e.metadata;
      return { ...e, metadata: withoutOccurredAt as StoredEvent['metadata'] };
    };
    expect(byEndOf1October(recordedOn('2024-10-01T18:00:00.000Z'))).toBe(true);
    expect(byEndOf1October(recordedOn('2024-10-02T18:00:00.000Z'))).toBe(false);
  });
});

/**
 * The oracle: a plain fold, in log order, over the events at or before `position` that happened
 * by `through`. The engine must give the same documents whatever snapshots the runner took.
 */
function foldValid(events: StoredEvent[], position: number, through: string): Record<string, unknown> {
  const happened = occurredBy(through);
  const docs = new Map<string, unknown>();
  for (const e of events.filter((x) => x.position <= position && p.canHandle(x) && happened(x)))
    for (const key of p.keysOf(e)) docs.set(key, p.evolve((docs.get(key) ?? p.initialState(key)) as never, e));
  return JSON.parse(JSON.stringify(Object.fromEntries([...docs].sort(([a], [b]) => (a < b ? -1 : 1)))));
}

describe('as-of engine with validAt (business time), over a log entered out of business order', () => {
  const clock = new ManualClock(new Date('2022-05-01T08:00:00.000Z'));
  const events = new MemoryEventStore(clock);
  const store = new ReadModelStore(':memory:', { snapshotEvery: 20 });
  const engine = new AsOfEngine(events, store, AS_OF_SOURCES);
  let log: StoredEvent[] = [];

  beforeAll(async () => {
    const steps = Array.from({ length: 300 }, (_, n) => ({ action: (n * 7) % 25, kind: n % 8 }));
    // Recorded an hour apart; business times scattered over sixty days, so many are entered late.
    for (const [n, { streamId, event }] of toAppends(steps, [10, 150]).entries()) {
      const occurredAt = new Date(Date.parse('2022-04-01T10:00:00Z') + ((n * 37) % 60) * DAY).toISOString();
      await events.append(streamId, [{ ...event, metadata: { ...event.metadata, occurredAt } }], 'any');
      clock.advance(3_600_000);
    }
    log = await events.readAll();
    await runOnce(events, store, log.at(-1)!.position, { batchSize: 7 });
  });
  afterAll(() => store.close());

  it('given the scattered log, then business order and log order differ (the test means something)', () => {
    const late = log.filter((e, i) => i > 0 && e.metadata.occurredAt < log[i - 1].metadata.occurredAt);
    expect(late.length).toBeGreaterThan(log.length / 4);
  });

  it.each(['2022-04-01', '2022-04-15', '2022-05-03T12:00:00Z', '2022-05-30', '2030-01-01'])(
    'given validAt %s at several known positions, then the view equals the oracle and ignores snapshots',
    async (text) => {
      const { through } = parseValidAt(text)!;
      for (const position of [-1, 0, 57, 140, 299, log.at(-1)!.position]) {
        const { view, replayed } = await engine.validView(p.name, position, through);
        const docs = Object.fromEntries([...view.scan(p.name, '')].map(({ key, doc }) => [key, doc]));
        expect(docs).toEqual(foldValid(log, position, through));
        expect(view.snapshot).toBeUndefined();
        // Every event of its categories up to the position, from the start of the log: none from a snapshot.
        expect(replayed).toBe(log.filter((e) => e.position <= position && p.canHandle(e)).length);
      }
    },
  );

  it('given validAt far in the future, then the answer equals the knownAt answer alone', async () => {
    const position = 180;
    const known = await engine.view(p.name, position);
    const valid = await engine.validView(p.name, position, parseValidAt('2030-01-01')!.through);
    const all = (v: typeof known.view) => [...v.scan(p.name, '')];
    expect(all(valid.view)).toEqual(all(known.view));
  });

  it('given both axes, then the provenance names both, with knownAt resolved and validAt as applied', async () => {
    const answer = await engine.answer(p.name, {
      knownAt: { asOf: parseAsOf('2022-05-03')!, requested: '2022-05-03' },
      validAt: { ...parseValidAt('2022-04-20')!, requested: '2022-04-20' },
    });
    expect(provenance(answer)).toEqual({
      axes: ['knownAt', 'validAt'],
      basis: 'recorded',
      requested: '2022-05-03',
      position: expect.any(Number),
      recordedAt: expect.stringMatching(/^2022-05-03T/),
      validAt: { requested: '2022-04-20', through: '2022-04-20T23:59:59.999Z' },
      snapshot: null,
      replayed: expect.any(Number),
    });
  });

  it('given validAt alone, then knownAt is the ledger as it stands (latest), named as such', async () => {
    const answer = await engine.answer(p.name, {
      validAt: { ...parseValidAt('2022-04-20')!, requested: '2022-04-20' },
    });
    expect(provenance(answer)).toMatchObject({
      axes: ['validAt'],
      basis: 'latest',
      position: log.at(-1)!.position,
      recordedAt: log.at(-1)!.metadata.recordedAt,
    });
    expect(provenance(answer)).not.toHaveProperty('requested');
  });

  it('given an empty ledger, then latest is before the first event and the view is empty', async () => {
    const empty = new ReadModelStore(':memory:', { snapshotEvery: 20 });
    try {
      const none = new AsOfEngine(new MemoryEventStore(clock), empty, AS_OF_SOURCES);
      const answer = await none.answer(p.name, {
        validAt: { ...parseValidAt('2022-04-20')!, requested: '2022-04-20' },
      });
      expect(answer.resolution).toEqual({
        basis: 'latest',
        position: -1,
        validAt: { requested: '2022-04-20', through: '2022-04-20T23:59:59.999Z' },
      });
      expect([...answer.view.scan(p.name, '')]).toEqual([]);
    } finally {
      empty.close();
    }
  });
});
