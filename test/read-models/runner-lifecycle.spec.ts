import { Logger } from '@nestjs/common';
import { firstValueFrom, take, toArray } from 'rxjs';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { Projection } from '../../projections/projection';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { projectionsHealth } from '../../src/read-models/projections-health';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { toAppends } from './support/action-histories';
import type { RetryTimers } from '../../src/shared/retry-policy';
import {
  appendOneMore,
  dump,
  HANG_GUARD_MS,
  memoryLogAndStore,
  rebuild,
  runOnce,
  until,
} from './support/runner-harness';

/** Counts events per key, so a rebuild (count from zero) is told apart from carrying on. */
const counter = (version: number): Projection<{ n: number; version: number }> => ({
  name: 'counter',
  version,
  canHandle: () => true,
  keysOf: (e) => [e.type],
  initialState: () => ({ n: 0, version }),
  evolve: (d) => ({ n: d.n + 1, version }),
});

Logger.overrideLogger(false); // the failure test logs on purpose

/** Retry timers that never fire on their own: the test says when the next attempt starts (release()). */
function heldRetries() {
  const held = new Map<number, () => void>();
  let handles = 0;
  const timers: RetryTimers = {
    setTimeout: (fn) => {
      held.set(++handles, fn);
      return handles;
    },
    clearTimeout: (handle) => held.delete(handle as number),
    now: () => 0, // a standing clock: the attempt count never starts again
  };
  return {
    timers,
    release() {
      const due = [...held.values()];
      held.clear();
      for (const fn of due) fn();
    },
  };
}

describe('projection runner lifecycle', () => {
  let events: MemoryEventStore, store: ReadModelStore, head: number;
  beforeEach(async () => {
    ({ events, store, head } = await memoryLogAndStore(
      toAppends(
        [
          { action: 0, kind: 0 },
          { action: 0, kind: 0 },
          { action: 1, kind: 4 },
        ],
        [1],
      ),
    ));
  });
  afterEach(() => store.close());

  it('given a stored checkpoint of the same version, then a restart carries on and applies nothing twice', async () => {
    await runOnce(events, store, head, {}, counter(1));
    await runOnce(events, store, head, {}, counter(1));
    expect(dump(store, 'counter')).toMatchObject({
      'meeting-scheduled': { n: 3 },
      'action-raised': { n: 2 },
      'decision-recorded': { n: 1 },
    });
  });

  it('given documents from another version, then they are dropped and rebuilt from the start', async () => {
    await runOnce(events, store, head, {}, counter(1));
    store.commit('counter', 1, head, head, new Map([['stale-key', { n: 99, version: 1 }]]), 0);
    const runner = new ProjectionRunner(events, store, [counter(2)], { batchMs: 5 });
    runner.start();
    // Served once the new version has switched over and applied what came after.
    const appended = await appendOneMore(events);
    await runner.waitFor(appended, HANG_GUARD_MS);
    expect((await runner.lag())[0]).toMatchObject({
      projection: 'counter',
      version: 2,
      rebuiltFrom: 1,
      checkpoint: appended,
      behind: 0,
    });
    await runner.stop();
    expect(dump(store, 'counter')).not.toHaveProperty('stale-key');
    expect(dump(store, 'counter')).toMatchObject({
      'meeting-scheduled': { n: 4, version: 2 },
      'action-raised': { n: 2, version: 2 },
    });
    expect(store.checkpoint('counter')).toEqual({ version: 2, position: appended });
  });

  it('given a new version, then it builds beside the served one, which answers until the switch-over replaces it whole', async () => {
    await runOnce(events, store, head, {}, counter(1));
    const served = dump(store, 'counter');
    let release!: () => void;
    let held!: () => void;
    const caughtUp = new Promise<void>((resolve) => (held = resolve));
    const runner = new ProjectionRunner(events, store, [counter(2)], {
      batchMs: 5,
      beforeSwitchOver: () => {
        held();
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    runner.start();
    await caughtUp;
    // Caught up but not switched: the served documents and checkpoint are version 1's, untouched.
    expect(dump(store, 'counter')).toEqual(served);
    expect(store.checkpoint('counter')).toEqual({ version: 1, position: head });
    expect(await projectionsHealth(runner, (work) => work)).toEqual({
      counter: expect.objectContaining({ status: 'up', version: 2, rebuild: { inProgress: true, servedVersion: 1 } }),
    });
    release();
    const appended = await appendOneMore(events);
    await runner.waitFor(appended, HANG_GUARD_MS);
    await runner.stop();
    expect(runner.states()[0]).not.toHaveProperty('rebuild');
    // Version 2's documents under the served name, following the log; nothing left of the build.
    expect(dump(store, 'counter')).toEqual({
      'meeting-scheduled': { n: 4, version: 2 },
      'action-raised': { n: 2, version: 2 },
      'decision-recorded': { n: 1, version: 2 },
      'action-progress-noted': { n: 1, version: 2 },
    });
    expect(store.checkpoint('counter')).toEqual({ version: 2, position: appended });
    expect(store.builds('counter')).toEqual([]);
  });

  it('given a build another version left behind, then a start drops it', async () => {
    await runOnce(events, store, head, {}, counter(1));
    store.reset('counter@building-v7', 7);
    store.commit('counter@building-v7', 7, undefined, head, new Map([['x', { n: 1, version: 7 }]]), 1);
    await runOnce(events, store, head, {}, counter(1));
    expect(store.builds('counter')).toEqual([]);
    expect(dump(store, 'counter@building-v7')).toEqual({});
  });

  it('reports lag and health: behind before it runs, zero and up once caught up', async () => {
    const runner = new ProjectionRunner(events, store, [actionLogProjection], { batchMs: 5 });
    expect((await runner.lag())[0]).toMatchObject({
      state: 'idle',
      checkpoint: null,
      behind: head + 1,
      lastLogPosition: head,
      behindAtLeast: false,
    });
    runner.start();
    await runner.waitFor(head, HANG_GUARD_MS);
    expect((await runner.lag())[0]).toMatchObject({
      state: 'running',
      checkpoint: head,
      behind: 0,
      lastLogPosition: head,
    });
    expect(await projectionsHealth(runner, (work) => work)).toEqual({
      'action-log': expect.objectContaining({
        status: 'up',
        state: 'running',
        checkpoint: head,
        lag: expect.objectContaining({ behind: 0 }),
        lastError: null,
      }),
    });
    await runner.stop();
    expect((await runner.lag())[0]).toMatchObject({ state: 'stopped' });
  });

  it('waitFor resolves for an append made while running, and the change stream carries the committed document', async () => {
    const runner = new ProjectionRunner(events, store, [actionLogProjection], { batchMs: 5 });
    runner.start();
    await runner.waitFor(head, HANG_GUARD_MS);
    const next = firstValueFrom(runner.changesOf('action-log').pipe(take(1), toArray()));
    const { position } = await events.append('action-act-9', [toAppends([{ action: 9, kind: 0 }], [])[3].event], 'any');
    await runner.waitFor(position, HANG_GUARD_MS);
    expect(await next).toEqual([
      expect.objectContaining({
        projection: 'action-log',
        key: 'action:act-9',
        position,
        doc: expect.objectContaining({ actionId: 'act-9', raised: true }),
      }),
    ]);
    await runner.stop();
  });

  it('waitFor times out when the position is never reached', async () => {
    const runner = new ProjectionRunner(events, store, [actionLogProjection], { batchMs: 5 });
    runner.start();
    await expect(runner.waitFor(head + 100, 50)).rejects.toThrow(`position ${head + 100}`);
    await runner.stop();
  });

  it('a projection that throws keeps retrying from the event before, says so in lag, and waiters time out saying why', async () => {
    const base = counter(1);
    const broken: Projection<{ n: number; version: number }> = {
      ...base,
      name: 'broken',
      evolve: (d, e) => {
        if (e.type === 'action-raised') throw new Error('bad data');
        return base.evolve(d, e);
      },
    };
    // Each retry waits until the test releases it, so the projection stays 'retrying' while asked:
    // on the wall clock, a slow machine could still be short of the bad event, or inside an attempt.
    const retries = heldRetries();
    const runner = new ProjectionRunner(events, store, [broken], {
      batchSize: 1,
      batchMs: 5,
      retryTimers: retries.timers,
    });
    runner.start();
    await until(() => runner.states()[0].state === 'retrying', 'the projection failing on the bad event');
    await expect(runner.waitFor(head, 50)).rejects.toThrow('broken is retrying: bad data');
    const [lag] = await runner.lag();
    // Positions 0-2 are the three meetings, committed one by one; position 3 is the first raise.
    expect(lag).toMatchObject({ state: 'retrying', error: 'bad data', checkpoint: 2, behind: head - 2 });
    expect(await projectionsHealth(runner, (work) => work)).toEqual({
      broken: expect.objectContaining({
        status: 'down',
        reason: 'retrying: bad data',
        state: 'retrying',
        checkpoint: 2,
        lastError: 'bad data',
      }),
    });
    // The next attempt starts again from the event before, and fails on the same event.
    retries.release();
    await until(() => runner.states()[0].retry?.attempt === 2, 'a second attempt failing');
    expect(runner.states()[0]).toMatchObject({ state: 'retrying', checkpoint: 2, error: 'bad data' });
    await runner.stop();
  });

  it('rebuilds the same documents whichever batch size commits them', async () => {
    const one = new ReadModelStore(':memory:');
    await runOnce(events, one, head, { batchSize: 1 });
    expect(dump(one)).toEqual(await rebuild(events, head));
    one.close();
  });
});
