import type { Observable, Subscription as RxSubscription } from 'rxjs';
import type { StoredEvent } from './event-envelope';
import type { ReadAllOptions, SubscribeOptions, Subscription } from './event-store.port';

const PAGE = 500;

/**
 * Catch-up subscription over `readAll`: pages through history from the checkpoint, then keeps
 * reading whenever an append in this process wakes it (or after `pollMs`, for appends made by
 * another process on the same file). Pull-based: nothing is read until the consumer asks for
 * the next event, so a slow consumer holds at most one page in memory (back-pressure).
 * Order and gap-freedom come from the store's global order; the cursor only moves forwards.
 *
 * An append that lands while the reader is not waiting (its consumer still busy with the last
 * page) is remembered, so the reader reads again at once instead of sleeping until the poll: the
 * wake is never lost, and `pollMs` only matters for other processes' appends.
 */
export function pollingSubscription(
  readAll: (o: ReadAllOptions) => Promise<StoredEvent[]>,
  appended$: Observable<void>,
  options: SubscribeOptions = {},
  pollMs = 250,
): Subscription {
  let cursor = options.after;
  let closed = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** An append since the last read began: the next wait is skipped. */
  let appendedSinceRead = false;
  // Clears the poll timer too: a timer left armed after an append woke the wait would later wake
  // a newer wait, which arms another, so stale timers pile up into a busy loop on an idle log.
  const wakeUp = () => {
    clearTimeout(timer);
    timer = undefined;
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onAppend: RxSubscription = appended$.subscribe(() => {
    appendedSinceRead = true;
    wakeUp();
  });

  async function* iterate(): AsyncGenerator<StoredEvent> {
    try {
      while (!closed) {
        appendedSinceRead = false;
        const page = await readAll({ after: cursor, maxCount: PAGE, filter: options.filter });
        for (const event of page) {
          if (closed) return;
          cursor = event.position;
          yield event;
        }
        if (page.length < PAGE && !closed && !appendedSinceRead) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(wakeUp, pollMs);
            timer.unref?.();
          });
        }
      }
    } finally {
      onAppend.unsubscribe();
    }
  }

  const iterator = iterate();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      wakeUp();
      onAppend.unsubscribe();
      await iterator.return(undefined);
    },
  };
}
