import fc from 'fast-check';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ManualClock } from '../../src/shared/clock';
import { histories } from './support/action-histories';
import { appendAll, dump, rebuild, runOnce } from './support/runner-harness';

describe('projection runner: incremental equals rebuild', () => {
  it('stopped and restarted at random points (some mid catch-up), it ends with the documents a fresh rebuild gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        histories,
        fc.array(fc.nat(60), { maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 7 }),
        async (appends, cuts, waits, batchSize) => {
          const events = new MemoryEventStore(new ManualClock());
          const store = new ReadModelStore(':memory:');
          try {
            const bounds = [...new Set(cuts.map((c) => c % (appends.length + 1)))].sort((a, b) => a - b);
            let from = 0;
            for (const [i, to] of [...bounds, appends.length].entries()) {
              const last = await appendAll(events, appends.slice(from, to));
              from = to;
              // Either wait until caught up, or stop straight away (whatever the current batch holds is committed).
              await runOnce(events, store, waits[i] ? last : undefined, { batchSize });
            }
            const head = (await events.readAll()).at(-1)!.position;
            await runOnce(events, store, head, { batchSize });
            expect(dump(store)).toEqual(await rebuild(events, head));
            expect(store.checkpoint(actionLogProjection.name)).toEqual({
              version: actionLogProjection.version,
              position: head,
            });
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("given the same log, every document equals folding that key's events with the pure projection", async () => {
    await fc.assert(
      fc.asyncProperty(histories, async (appends) => {
        const events = new MemoryEventStore(new ManualClock());
        const head = await appendAll(events, appends);
        const expected: Record<string, unknown> = {};
        for (const e of (await events.readAll()).filter((e) => actionLogProjection.canHandle(e))) {
          for (const key of actionLogProjection.keysOf(e))
            expected[key] = actionLogProjection.evolve(
              (expected[key] as never) ?? actionLogProjection.initialState(key),
              e,
            );
        }
        expect(await rebuild(events, head)).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 20 },
    );
  });
});
