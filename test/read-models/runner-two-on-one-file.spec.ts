import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ManualClock } from '../../src/shared/clock';
import { toAppends } from './support/action-histories';
import { appendAll, dump, rebuild } from './support/runner-harness';

/**
 * Two runners on one read-model file (two processes on one data directory, or a second app in one
 * process): the commit's compare-and-set lets exactly one of them apply each batch; the other's
 * batch is refused whole and it carries on from the stored checkpoint. Nothing is applied twice.
 */
describe('projection runner: two runners on one read-model file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'projections-two-runners-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([[1], [7], [50]])(
    'given both catching up and following live appends (batch %i), when both have caught up, then the documents equal a fresh rebuild',
    async (batchSize) => {
      const file = join(dir, `read-models-${batchSize}.sqlite`);
      const events = new MemoryEventStore(new ManualClock());
      const steps = Array.from({ length: 1200 }, (_, n) => ({ action: (n * 7) % 40, kind: n % 8 }));
      const appends = toAppends(steps, [3, 400, 1100]);
      await appendAll(events, appends.slice(0, 800));
      const [storeA, storeB] = [new ReadModelStore(file), new ReadModelStore(file)];
      const runners = [storeA, storeB].map(
        (s) => new ProjectionRunner(events, s, [actionLogProjection], { batchSize, batchMs: 1, catchUpMs: 5 }),
      );
      try {
        for (const r of runners) r.start();
        // Live appends while both follow the log.
        const head = await appendAll(events, appends.slice(800));
        await Promise.all(runners.map((r) => r.waitFor(head, 60_000)));
        await Promise.all(runners.map((r) => r.stop()));
        expect(storeA.checkpoint(actionLogProjection.name)).toEqual({
          version: actionLogProjection.version,
          position: head,
        });
        expect(dump(storeA)).toEqual(await rebuild(events, head));
        expect(dump(storeB)).toEqual(dump(storeA));
      } finally {
        await Promise.all(runners.map((r) => r.stop().catch(() => undefined)));
        storeA.close();
        storeB.close();
      }
    },
    120_000,
  );
});
