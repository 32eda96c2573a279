import type { StoredEvent } from '../../ledger/event-envelope';
import type { EventStore } from '../../ledger/event-store.port';

export const PAGE_SIZE = 1000;

/** The whole log in pages of readAll, one page in memory at a time. */
export async function* logPages(store: EventStore, pageSize = PAGE_SIZE): AsyncGenerator<StoredEvent[]> {
  for (let after: number | undefined; ;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].position;
  }
}
