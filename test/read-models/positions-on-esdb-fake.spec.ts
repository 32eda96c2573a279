import { Logger } from '@nestjs/common';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { EsdbEventStore } from '../../src/ledger/esdb/esdb-event-store';
import { esdbTestStore } from '../support/esdb-test-store';
import { AsOfEngine } from '../../src/read-models/as-of/as-of-engine';
import { AS_OF_SOURCES } from '../../src/read-models/as-of/as-of.providers';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ManualClock } from '../../src/shared/clock';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { toAppends } from './support/action-histories';
import { appendAll, batches, dump, rebuild, runOnce, tally } from './support/runner-harness';

/**
 * The projection runner and the as-of engine over the EventStoreDB adapter, on the protocol fake
 * (test support) with a real node's positions: byte offsets with gaps, and $all refused from any
 * position that is not a record's start. Nothing here may add to or subtract from a position.
 */
Logger.overrideLogger(false);

describe('positions on a real-node-shaped log (EventStoreDB protocol fake, test support)', () => {
  let fake: EsdbProtocolFake;
  let events: EsdbEventStore;
  let head: number;
  beforeAll(async () => {
    fake = await startEsdbProtocolFake({ batchAppend: true });
    events = esdbTestStore(fake.connectionString, new ManualClock(new Date('2022-05-01T08:00:00.000Z')));
    const steps = Array.from({ length: 120 }, (_, n) => ({ action: n % 9, kind: n % 8 }));
    head = await appendAll(events, toAppends(steps, [3, 60]));
  });
  afterAll(async () => {
    await events.close();
    await fake.stop();
  });

  it('given a projection far behind with catch-up batches, when it starts, then it catches up to the head and holds every event', async () => {
    const store = new ReadModelStore(':memory:');
    // A failed projection rejects this at once, with its error (e.g. the server's refusal of a position).
    await expect(runOnce(events, store, head, batches(5, 40), tally)).resolves.toBeUndefined();
    expect(store.get('tally', 'all')).toEqual({ n: (await events.readAll()).length });
    store.close();
  });

  it('given the action log rebuilt in large batches, then it equals a batch-of-one rebuild', async () => {
    const store = new ReadModelStore(':memory:');
    await runOnce(events, store, head, batches(3, 40), actionLogProjection);
    expect(dump(store)).toEqual(await rebuild(events, head));
    store.close();
  });

  it('given snapshotEvery 20 and batches of 5, when the action log catches up, then it takes a layer every 20 events (not every 20 bytes of log) and an as-of view replays at most one interval', async () => {
    const every = 20;
    const store = new ReadModelStore(':memory:', { snapshotEvery: every });
    await runOnce(events, store, head, batches(5, 5), actionLogProjection);
    const log = await events.readAll();
    const layers = new Set(
      log
        .map((e) => store.layers.snapshotAtOrBefore(actionLogProjection.name, e.position))
        .filter((s) => s !== undefined),
    );
    // Every catch-up batch holds 5 events, so every fourth commit brings the count to 20.
    expect(layers.size).toBe(Math.floor(log.length / every));
    const engine = new AsOfEngine(events, store, AS_OF_SOURCES);
    for (const e of log) {
      const { replayed } = await engine.view(actionLogProjection.name, e.position);
      expect(replayed).toBeLessThanOrEqual(every + 5 - 1);
    }
    store.close();
  });

  it('given an as-of position that names no record, then it answers as of the last record at or before it', async () => {
    const store = new ReadModelStore(':memory:');
    const engine = new AsOfEngine(events, store, AS_OF_SOURCES);
    const log = await events.readAll();
    const [, second, third] = log;
    const between = Math.floor((second.position + third.position) / 2); // a number the server never returned
    expect(between).toBeGreaterThan(second.position);
    const resolution = await engine.resolve({ basis: 'position', position: between }, String(between));
    expect(resolution).toEqual({
      basis: 'position',
      requested: String(between),
      position: second.position,
      recordedAt: second.metadata.recordedAt,
    });
    const exact = await engine.resolve({ basis: 'position', position: third.position }, String(third.position));
    expect(exact.position).toBe(third.position);
    const before = await engine.resolve({ basis: 'position', position: 1 }, '1');
    expect(before).toEqual({ basis: 'position', requested: '1', position: -1 });
    const { view } = await engine.view(actionLogProjection.name, resolution.position);
    expect([...view.scan(actionLogProjection.name, '')].length).toBeGreaterThan(0);
    store.close();
  });
});
