import type { StoredEvent } from '../ledger/event-envelope';
import type { EventStore, Subscription } from '../ledger/event-store.port';

/**
 * Catch-up pages shared by every projection: rebuilding N projections reads (and parses) the log
 * once, not N times, while they stay within a few pages of each other, as they do when they start
 * together. Only the catch-up is shared: a projection that reaches the end of the log switches to
 * the store's own subscription, which wakes on appends. Events are shared values (projections are
 * pure and never mutate them). Workers far behind take whole pages (`page`) and apply each one in a
 * single synchronous pass; `subscribe` serves the same pages event by event.
 */
export class SharedCatchUp {
  /** Full pages by the position they follow, oldest first. */
  private readonly pages = new Map<number, Promise<StoredEvent[]>>();

  constructor(
    private readonly events: EventStore,
    readonly pageSize = 500,
    private readonly keep = 4,
  ) {}

  subscribe({ after }: { after?: number } = {}): Subscription {
    let cursor = after ?? -1;
    let closed = false;
    let live: Subscription | undefined;
    async function* iterate(this: SharedCatchUp): AsyncGenerator<StoredEvent> {
      for (;;) {
        const page = await this.page(cursor);
        for (const event of page) {
          if (closed) return;
          cursor = event.position;
          yield event;
        }
        if (closed) return;
        if (page.length < this.pageSize) break;
      }
      live = this.events.subscribe({ after: cursor < 0 ? undefined : cursor });
      yield* live;
    }
    const iterator = iterate.call(this);
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        closed = true;
        await live?.close();
      },
    };
  }

  /** The page of the log after `after` (-1: from the start), read once for every projection that asks for it. */
  page(after: number): Promise<StoredEvent[]> {
    const cached = this.pages.get(after);
    if (cached) return cached;
    const page = this.events.readAll({ after: after < 0 ? undefined : after, maxCount: this.pageSize });
    this.pages.set(after, page);
    if (this.pages.size > this.keep) this.pages.delete(this.pages.keys().next().value!);
    // A short page is the current end of the log: the next reader must look again, not reuse it.
    page.then(
      (events) => {
        if (events.length < this.pageSize) this.pages.delete(after);
      },
      () => this.pages.delete(after),
    );
    return page;
  }
}
