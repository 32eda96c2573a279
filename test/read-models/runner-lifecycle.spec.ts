import { Logger } from '@nestjs/common';
import { firstValueFrom, take, toArray } from 'rxjs';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { Projection } from '../../projections/projection';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { projectionsHealth } from '../../src/read-models/projections-health';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { toAppends } from './support/action-histories';
import { dump, memoryLogAndStore, rebuild, runOnce } from './support/runner-harness';

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
    await runner.waitFor(head, 5000);
    expect((await runner.lag())[0]).toMatchObject({
      projection: 'counter',
      version: 2,
      rebuiltFrom: 1,
      checkpoint: head,
      behind: 0,
    });
    await runner.stop();
    expect(dump(store, 'counter')).not.toHaveProperty('stale-key');
    expect(dump(store, 'counter')).toMatchObject({
      'meeting-scheduled': { n: 3, version: 2 },
      'action-raised': { n: 2, version: 2 },
    });
    expect(store.checkpoint('counter')).toEqual({ version: 2, position: head });
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
    await runner.waitFor(head);
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
    await runner.waitFor(head);
    const next = firstValueFrom(runner.changesOf('action-log').pipe(take(1), toArray()));
    const { position } = await events.append('action-act-9', [toAppends([{ action: 9, kind: 0 }], [])[3].event], 'any');
    await runner.waitFor(position);
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
    const runner = new ProjectionRunner(events, store, [broken], { batchSize: 1, batchMs: 5 });
    runner.start();
    await expect(runner.waitFor(head, 500)).rejects.toThrow('broken is retrying: bad data');
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
    await runner.stop();
  });

  it('rebuilds the same documents whichever batch size commits them', async () => {
    const one = new ReadModelStore(':memory:');
    await runOnce(events, one, head, { batchSize: 1 });
    expect(dump(one)).toEqual(await rebuild(events, head));
    one.close();
  });
});
