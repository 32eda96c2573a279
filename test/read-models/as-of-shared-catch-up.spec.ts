import type { ReadAllOptions } from '../../src/ledger/event-store.port';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { SharedCatchUp } from '../../src/read-models/shared-catch-up';
import { ManualClock } from '../../src/shared/clock';
import { newEvent } from '../support/events';

/** Lives beside the as-of specs because the rebuild benchmark (issue 5) is what it is for. */
describe('SharedCatchUp: projections rebuilding together read the log once', () => {
  let store: MemoryEventStore;
  let reads: ReadAllOptions[];
  beforeEach(async () => {
    store = new MemoryEventStore(new ManualClock());
    for (let i = 0; i < 25; i++) await store.append(`thing-${i % 4}`, [newEvent('thing-happened', { i })], 'any');
    reads = [];
    const readAll = store.readAll.bind(store);
    store.readAll = (o?: ReadAllOptions) => {
      reads.push(o ?? {});
      return readAll(o);
    };
  });

  /** Takes `count` events from a subscription, then closes it. */
  async function take(
    sub: AsyncIterable<{ position: number }> & { close(): Promise<void> },
    count: number,
  ): Promise<number[]> {
    const out: number[] = [];
    for await (const e of sub) {
      out.push(e.position);
      if (out.length === count) break;
    }
    await sub.close();
    return out;
  }

  it('given three subscribers from the start, then each full page is read once and every one sees every event', async () => {
    const shared = new SharedCatchUp(store, 10);
    const all = (await store.readAll()).map((e) => e.position);
    reads = [];
    const seen = await Promise.all([0, 1, 2].map(() => take(shared.subscribe(), 25)));
    expect(seen).toEqual([all, all, all]);
    const fullPageReads = reads.filter((r) => r.maxCount === 10 && r.after !== all[19]);
    expect(fullPageReads).toHaveLength(2); // pages after the start and after the 10th event, once each
  });

  it('given a subscriber from a checkpoint, then it starts strictly after it', async () => {
    const all = (await store.readAll()).map((e) => e.position);
    expect(await take(new SharedCatchUp(store, 10).subscribe({ after: all[21] }), 3)).toEqual(all.slice(22));
  });

  it('given it has caught up, then it follows new appends through the live subscription', async () => {
    const sub = new SharedCatchUp(store, 10).subscribe();
    const positions = take(sub, 27);
    await new Promise((r) => setTimeout(r, 20));
    await store.append('thing-9', [newEvent(), newEvent()], 'any');
    expect(await positions).toHaveLength(27);
  });

  it('given close while caught up, then the iteration ends', async () => {
    const sub = new SharedCatchUp(store, 10).subscribe();
    const seen: number[] = [];
    const loop = (async () => {
      for await (const e of sub) seen.push(e.position);
    })();
    await new Promise((r) => setTimeout(r, 20));
    await sub.close();
    await loop;
    expect(seen).toHaveLength(25);
  });
});
