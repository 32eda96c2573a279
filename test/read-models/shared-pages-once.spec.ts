import { Logger } from '@nestjs/common';
import type { Projection } from '../../projections/projection';
import type { ReadAllOptions } from '../../src/ledger/event-store.port';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { toAppends } from './support/action-histories';
import { HANG_GUARD_MS, memoryLogAndStore, tally, whileRunning } from './support/runner-harness';

Logger.overrideLogger(false);

/** Tallies under other names: projections rebuilding side by side over the same shared pages. */
const tallies = (n: number): Projection<{ n: number }>[] =>
  Array.from({ length: n }, (_, i) => ({ ...tally, name: `tally-${i}` }));

describe('a rebuild of many projections reads the log once', () => {
  it('given projections rebuilding from empty, some committing at every snapshot and one only at the end, then each shared page of the log is read once', async () => {
    // Given: 6,000 events (12 full pages of 500 and a short one); seven projections snapshotted
    // every 100 events (so their rebuild commits every 100), and one without snapshots.
    const steps = Array.from({ length: 6000 }, (_, n) => ({ action: n % 40, kind: n % 8 }));
    const { events, store: unused, head } = await memoryLogAndStore(toAppends(steps, [3, 3000]));
    unused.close();
    const snapshotted = tallies(7).map((t) => t.name);
    const store = new ReadModelStore(':memory:', { snapshotEvery: 100, snapshotProjections: snapshotted });
    const pages: (number | undefined)[] = [];
    const readAll = events.readAll.bind(events);
    events.readAll = (options?: ReadAllOptions) => {
      pages.push(options?.after);
      return readAll(options);
    };
    try {
      // When: they rebuild together (each commit of the seven used to ask for the head again).
      const runner = new ProjectionRunner(events, store, tallies(8));
      await whileRunning(runner, () => runner.waitFor(head, HANG_GUARD_MS));

      // Then: every page was read once, not again for a projection that fell out of the shared cache.
      const total = (await readAll()).length;
      expect(new Set(pages).size).toBe(Math.ceil(total / 500));
      expect(pages).toHaveLength(new Set(pages).size);
      expect(store.get('tally-7', 'all')).toEqual({ n: total });
    } finally {
      store.close();
    }
  });
});
