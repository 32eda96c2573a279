import { Logger } from '@nestjs/common';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { Projection } from '../../projections/projection';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { SharedCatchUp } from '../../src/read-models/shared-catch-up';
import { toAppends } from './support/action-histories';
import {
  AN_HOUR_MS,
  appendOneMore,
  batches,
  dump,
  HANG_GUARD_MS,
  memoryLogAndStore,
  rebuild,
  tally,
  until,
  whileRunning,
} from './support/runner-harness';

Logger.overrideLogger(false);

/** Runs `projection` until it has applied `head`; returns the positions it committed at, in order. */
async function commitsOf(
  events: MemoryEventStore,
  store: ReadModelStore,
  head: number,
  options: object,
  projection: Projection<unknown> = tally,
): Promise<number[]> {
  const runner = new ProjectionRunner(events, store, [projection], options);
  const positions: number[] = [];
  runner.changesOf(projection.name).subscribe((c) => {
    if (positions.at(-1) !== c.position) positions.push(c.position);
  });
  await whileRunning(runner, () => runner.waitFor(head, HANG_GUARD_MS));
  return positions;
}

const gaps = (positions: number[], from: number) => positions.map((p, i) => p - (i === 0 ? from : positions[i - 1]));

describe('projection runner: large batches while catching up, small ones once live', () => {
  let events: MemoryEventStore, store: ReadModelStore, head: number;
  beforeEach(async () => {
    const steps = Array.from({ length: 250 }, (_, n) => ({ action: n % 9, kind: n % 8 }));
    ({ events, store, head } = await memoryLogAndStore(toAppends(steps, [3, 120])));
  });
  afterEach(() => store.close());

  it('given a projection more than a catch-up batch behind, then it commits full catch-up batches, then one batch up to the head', async () => {
    const first = (await events.readAll({ maxCount: 1 }))[0].position;
    const positions = await commitsOf(events, store, head, batches(10, 100));
    const strides = gaps(positions, first - 1); // memory positions are dense: strides count events here
    // Full catch-up batches (by count) while the log holds more, then the rest up to the head the
    // worker last saw (a position the store returned, never checkpoint + n): never waiting mid-batch.
    expect(strides.slice(0, 2)).toEqual([100, 100]);
    expect(strides.slice(2)).toEqual([head - first + 1 - 200]);
    expect(positions.at(-1)).toBe(head);
    expect(store.get('tally', 'all')).toEqual({ n: head - first + 1 });
  });

  it('given catchUpMs elapsed behind a checkpoint, then a catch-up batch commits early (here: after every event)', async () => {
    const first = (await events.readAll({ maxCount: 1 }))[0].position;
    store.commit(tally.name, tally.version, undefined, first, new Map([['all', { n: 1 }]]), 1);
    const positions = await commitsOf(events, store, head, batches(10, 100, 0));
    expect(
      gaps(positions, first)
        .slice(0, 150)
        .every((g) => g === 1),
    ).toBe(true);
    expect(positions.at(-1)).toBe(head);
    expect(store.get('tally', 'all')).toEqual({ n: head - first + 1 });
  });

  it('given a rebuild from empty of a projection that keeps snapshots, then its batches stay at the rebuild size and it cuts a snapshot every interval inside them, so as-of never replays more than one interval', async () => {
    // Given: snapshots every 30 applied events, a rebuild batch of 100.
    const layered = new ReadModelStore(':memory:', { snapshotEvery: 30 });
    const first = (await events.readAll({ maxCount: 1 }))[0].position;
    try {
      // When: the projection is rebuilt from empty.
      const positions = await commitsOf(events, layered, head, { ...batches(10, 100, 0), rebuildBatchSize: 100 });

      // Then: commits every 100 events, and a snapshot at every 30th event all the same (memory positions are dense).
      expect(gaps(positions, first - 1).slice(0, 2)).toEqual([100, 100]);
      for (const at of [29, 59, 89, 119, 179])
        expect(layered.layers.snapshotAtOrBefore(tally.name, first + at + 1)).toBe(first + at);
      // The tally as it stood at the cut inside the second batch.
      expect(layered.layers.docAt(tally.name, 'all', first + 119)).toBe('{"n":120}');
    } finally {
      layered.close();
    }
  });

  it('given a rebuild from empty of a projection that keeps no layers, then its batches stay at the rebuild size', async () => {
    const unlayered = new ReadModelStore(':memory:', { snapshotEvery: 30, snapshotProjections: [] });
    const first = (await events.readAll({ maxCount: 1 }))[0].position;
    try {
      const positions = await commitsOf(events, unlayered, head, { ...batches(10, 100, 0), rebuildBatchSize: 100 });
      expect(gaps(positions, first - 1).slice(0, 2)).toEqual([100, 100]);
    } finally {
      unlayered.close();
    }
  });

  it('given a rebuild from empty, then its catch-up batches are bounded by count alone, however long they take', async () => {
    const first = (await events.readAll({ maxCount: 1 }))[0].position;
    const positions = await commitsOf(events, store, head, { ...batches(10, 100, 0), rebuildBatchSize: 100 });
    expect(gaps(positions, first - 1).slice(0, 2)).toEqual([100, 100]);
    expect(positions.at(-1)).toBe(head);
  });

  it('given only batchSize set, then catch-up keeps that size (as the crash and replay tests expect)', async () => {
    const positions = await commitsOf(events, store, head, { batchSize: 20, batchMs: 5 });
    expect(
      gaps(positions, -1)
        .slice(1)
        .every((g) => g <= 20),
    ).toBe(true);
  });

  it('given a catch-up that reached the head, then a later append is committed by the live batch timer, not held for a catch-up batch', async () => {
    // A catch-up batch would hold this one event for an hour (it never fills 100); a live batch of 10
    // commits it after batchMs (5 ms). So seeing it committed before the hang guard (60 s, far short
    // of the hour) can only be the live path's doing, however slow the machine: no wall-clock bound.
    expect(HANG_GUARD_MS).toBeLessThan(AN_HOUR_MS / 10);
    // Live means: subscribed at the head, with the head read after subscribing showing nothing beyond
    // the checkpoint. Appending earlier would let the worker take the append as a catch-up target,
    // committed at once whatever the live path does (a race the old wall-clock version also had).
    const subscribe = jest.spyOn(SharedCatchUp.prototype, 'subscribe');
    const headPosition = events.headPosition.bind(events);
    let live = false;
    const heads = jest.spyOn(events, 'headPosition').mockImplementation(async () => {
      const subscribed = subscribe.mock.calls.length > 0;
      const position = await headPosition();
      if (subscribed) live = true;
      return position;
    });
    const runner = new ProjectionRunner(events, store, [tally], batches(10, 100, AN_HOUR_MS));
    try {
      await whileRunning(runner, async () => {
        await runner.waitFor(head, HANG_GUARD_MS);
        await until(() => live, 'the worker following the log at its head');
        const position = await appendOneMore(events);
        await runner.waitFor(position, HANG_GUARD_MS);
        expect(store.checkpoint('tally')?.position).toBe(position);
      });
    } finally {
      heads.mockRestore();
      subscribe.mockRestore();
    }
  });

  it('given large catch-up batches (documents read back between them), then the action log holds what a batch-of-one rebuild gives', async () => {
    await commitsOf(events, store, head, batches(3, 40), actionLogProjection);
    expect(dump(store)).toEqual(await rebuild(events, head));
  });

  it('given a projection far behind, then it catches up from whole shared pages and subscribes only at the head', async () => {
    const subscribe = jest.spyOn(SharedCatchUp.prototype, 'subscribe');
    const runner = new ProjectionRunner(events, store, [tally], batches(10, 100));
    try {
      await whileRunning(runner, async () => {
        await runner.waitFor(head, HANG_GUARD_MS);
        await runner.waitFor(await appendOneMore(events), HANG_GUARD_MS);
        // One event-by-event subscription, opened where the page-by-page catch-up stopped: at the head.
        expect(subscribe).toHaveBeenCalledTimes(1);
        expect(subscribe.mock.calls[0][0]?.after).toBeGreaterThanOrEqual(head);
      });
    } finally {
      subscribe.mockRestore();
    }
    expect(store.get('tally', 'all')).toEqual({ n: (await events.readAll()).length });
  });
});
