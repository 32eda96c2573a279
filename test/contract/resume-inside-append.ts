import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { EventStore } from '../../src/ledger/event-store.port';

/**
 * Given `read`, the three events of one append to stream `s` (category `mid`): a $all read after the
 * second and a subscription after the first resume at the very next event. The protocol fake and a
 * real EventStoreDB node are held to this one check.
 */
export async function expectResumesInsideAppend(store: EventStore, s: string, read: StoredEvent[]): Promise<void> {
  const afterMiddle = (await store.readAll({ after: read[1].position })).filter((e) => e.streamId === s);
  expect(afterMiddle.map((e) => e.revision)).toEqual([2]);

  const sub = store.subscribe({ after: read[0].position, filter: { streamCategories: ['mid'] } });
  const got: number[] = [];
  for await (const e of sub) {
    if (e.streamId === s) got.push(e.revision);
    if (got.length === 2) break;
  }
  expect(got).toEqual([1, 2]);
}
