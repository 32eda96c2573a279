import { Subject } from 'rxjs';
import type { StoredEvent } from './event-envelope';
import type { ReadAllOptions } from './event-store.port';
import { pollingSubscription } from './polling-subscription';

/** A log of bare events and a readAll that counts how often it is asked. */
function countingLog() {
  const log: StoredEvent[] = [];
  const appended$ = new Subject<void>();
  let reads = 0;
  const readAll = async ({ after, maxCount = Infinity }: ReadAllOptions) => {
    reads++;
    return log.filter((e) => after === undefined || e.position > after).slice(0, maxCount);
  };
  const append = () => {
    log.push({ position: log.length * 7 + 3 } as StoredEvent);
    appended$.next();
  };
  return { log, appended$, readAll, append, reads: () => reads };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('pollingSubscription', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('given thousands of appends that each woke a waiting reader, when it then idles, it keeps at most one timer and polls once per interval', async () => {
    const { appended$, readAll, append, reads } = countingLog();
    const subscription = pollingSubscription(readAll, appended$, {}, 250);
    const iterator = subscription[Symbol.asyncIterator]();
    for (let i = 0; i < 2_000; i++) {
      const next = iterator.next();
      await tick();
      append();
      await next;
    }
    const pending = iterator.next(); // caught up: the reader now waits
    await tick();
    await tick();
    expect(jest.getTimerCount()).toBe(1);

    const before = reads();
    for (let i = 0; i < 4; i++) {
      await jest.advanceTimersByTimeAsync(250);
    }
    // One poll per 250 ms interval (for appends by another process), not one per stale timer.
    expect(reads() - before).toBe(4);
    expect(jest.getTimerCount()).toBe(1);

    await subscription.close();
    await pending;
    expect(jest.getTimerCount()).toBe(0);
  });

  it('given a waiting reader, when an append wakes it, then its poll timer is cleared', async () => {
    const { appended$, readAll, append } = countingLog();
    const subscription = pollingSubscription(readAll, appended$, {}, 250);
    const iterator = subscription[Symbol.asyncIterator]();
    const next = iterator.next();
    await tick();
    await tick();
    expect(jest.getTimerCount()).toBe(1);
    append();
    await expect(next).resolves.toMatchObject({ done: false });
    expect(jest.getTimerCount()).toBe(0);
    await subscription.close();
  });

  it('given an append while the consumer still holds the last event, when it asks for the next, then it reads at once without waiting for the poll', async () => {
    const { appended$, readAll, append, reads } = countingLog();
    append();
    const subscription = pollingSubscription(readAll, appended$, {}, 60_000);
    const iterator = subscription[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toMatchObject({ done: false }); // the consumer holds it: nobody waits
    append();

    let got: IteratorResult<StoredEvent> | undefined;
    void iterator.next().then((r) => (got = r));
    for (let i = 0; i < 5 && got === undefined; i++) await tick();

    expect(got).toMatchObject({ done: false, value: { position: 10 } });
    expect(reads()).toBe(2);
    await subscription.close();
  });
});
