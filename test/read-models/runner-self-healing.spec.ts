import { Logger } from '@nestjs/common';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import type { Projection } from '../../projections/projection';
import type { EventStore, Subscription } from '../../src/ledger/event-store.port';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ProjectionRunner, type ProjectionChange } from '../../src/read-models/projection-runner';
import { projectionsHealth } from '../../src/read-models/projections-health';
import type { ReadModelStore } from '../../src/read-models/read-model-store';
import { RetryPolicy, systemTimers, type RetryTimers } from '../../src/shared/retry-policy';
import { toAppends } from './support/action-histories';
import { appendAll, dump, HANG_GUARD_MS, memoryLogAndStore, rebuild, until } from './support/runner-harness';

Logger.overrideLogger(false); // failures are logged on purpose

/** Short waits so the suite runs quickly; correctness never depends on them (waits are for conditions). */
const fast = new RetryPolicy({ initialMs: 5, maxMs: 40 });

/**
 * The process's timers for the waits, with a clock that moves only by the waits that ended: an
 * attempt takes no time on it, so a slow attempt (beyond maxMs, on a loaded machine) never restarts
 * the attempt count, as one that stayed up that long would. And a switch: once held, a retry's wait
 * never ends on its own, so a worker that fails again stays 'retrying' however long the test takes
 * to look (stop() still ends it).
 */
function holdableRetries() {
  let holding = false;
  let waited = 0;
  const held = new Set<object>();
  const timers: RetryTimers = {
    setTimeout: (fn, ms) => {
      if (!holding)
        return systemTimers.setTimeout(() => {
          waited += ms;
          fn();
        }, ms);
      const handle = {};
      held.add(handle);
      return handle;
    },
    clearTimeout: (handle) => {
      if (!held.delete(handle as object)) systemTimers.clearTimeout(handle);
    },
    now: () => waited,
  };
  return { timers, hold: () => (holding = true), held: () => held.size };
}

/** The store, with a switch: while `down`, every read and every live subscription fails as an unreachable server's would. */
function flaky(inner: EventStore) {
  let down = false;
  let reads = 0;
  const live = new Set<{ fail(e: Error): void }>();
  const unavailable = () => new Error('14 UNAVAILABLE: No connection established');
  const store: EventStore = {
    append: (s, e, x) => inner.append(s, e, x),
    readStream: async (s, o) => {
      if (down) throw unavailable();
      return inner.readStream(s, o);
    },
    readAll: async (o) => {
      reads++;
      if (down) throw unavailable();
      return inner.readAll(o);
    },
    headPosition: async () => {
      if (down) throw unavailable();
      return inner.headPosition();
    },
    lastEventAtOrBefore: async (p) => {
      if (down) throw unavailable();
      return inner.lastEventAtOrBefore(p);
    },
    subscribe: (o) => {
      const sub = inner.subscribe(o);
      const iterator = sub[Symbol.asyncIterator]();
      let fail!: (e: Error) => void;
      const failed = new Promise<never>((_, reject) => {
        fail = reject;
      });
      failed.catch(() => undefined);
      const handle = { fail };
      live.add(handle);
      if (down) fail(unavailable());
      const wrapped: Subscription = {
        [Symbol.asyncIterator]: () => ({ next: () => Promise.race([iterator.next(), failed]) }),
        close: async () => {
          live.delete(handle);
          await sub.close();
        },
      };
      return wrapped;
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return {
    store,
    reads: () => reads,
    goDown() {
      down = true;
      for (const s of live) s.fail(unavailable());
    },
    comeBack() {
      down = false;
    },
  };
}

describe('projection runner: self-healing after store errors', () => {
  let events: MemoryEventStore, store: ReadModelStore, head: number;
  beforeEach(async () => {
    ({ events, store, head } = await memoryLogAndStore(
      toAppends(
        [
          { action: 0, kind: 0 },
          { action: 1, kind: 1 },
          { action: 2, kind: 4 },
        ],
        [1],
      ),
    ));
  });
  afterEach(() => store.close());

  it('given the store down at start, when it comes back, then the projection catches up with no restart and equals a rebuild', async () => {
    const source = flaky(events);
    source.goDown();
    const runner = new ProjectionRunner(source.store, store, [actionLogProjection], { batchMs: 5, retryPolicy: fast });
    runner.start();
    await until(() => runner.states()[0].state === 'retrying');
    source.comeBack();
    await runner.waitFor(head, HANG_GUARD_MS);
    expect(await runner.lag()).toEqual([expect.objectContaining({ state: 'running', checkpoint: head, behind: 0 })]);
    await runner.stop();
    expect(dump(store)).toEqual(await rebuild(events, head));
  });

  it('given a live subscription, when the store drops it and later returns, then the worker resubscribes from its checkpoint, applies each event once and the change stream stays open', async () => {
    const source = flaky(events);
    const runner = new ProjectionRunner(source.store, store, [actionLogProjection], { batchMs: 5, retryPolicy: fast });
    const seen: ProjectionChange[] = [];
    let ended = '';
    runner.changesOf('action-log').subscribe({
      next: (c) => seen.push(c),
      complete: () => {
        ended = 'completed';
      },
      error: () => {
        ended = 'errored';
      },
    });
    runner.start();
    await runner.waitFor(head, HANG_GUARD_MS);
    source.goDown();
    await until(async () => runner.states()[0].state === 'retrying');
    expect(runner.states()[0]).toMatchObject({
      retry: {
        attempt: expect.any(Number),
        lastError: expect.stringContaining('UNAVAILABLE'),
        nextRetryAt: expect.any(String),
      },
    });
    const more = toAppends([{ action: 7, kind: 0 }], []);
    const last = await appendAll(events, more.slice(-1));
    source.comeBack();
    await runner.waitFor(last, HANG_GUARD_MS);
    expect(ended).toBe('');
    expect(seen.at(-1)).toMatchObject({ key: 'action:act-7', position: last });
    await runner.stop();
    expect(dump(store)).toEqual(await rebuild(events, last));
    expect(ended).toBe('completed');
  });

  it('given a projection whose evolve throws on one event, then it keeps retrying from the event before with a growing, capped backoff (no busy loop), and health says so', async () => {
    const counter: Projection<{ n: number }> = {
      name: 'broken',
      version: 1,
      canHandle: () => true,
      keysOf: (e) => [e.type],
      initialState: () => ({ n: 0 }),
      evolve: (d, e) => {
        if (e.type === 'action-raised') throw new Error('bad data');
        return { n: d.n + 1 };
      },
    };
    const source = flaky(events);
    const retries = holdableRetries();
    const runner = new ProjectionRunner(source.store, store, [counter], {
      batchSize: 1,
      batchMs: 5,
      retryPolicy: new RetryPolicy({ initialMs: 5, maxMs: 80, jitter: 0 }),
      retryTimers: retries.timers,
    });
    runner.start();
    await until(() => (runner.states()[0].retry?.attempt ?? 0) >= 6);
    const [lag] = await runner.lag();
    // Positions 0-2 are the three meetings, committed one by one; position 3 is the first raise.
    expect(lag).toMatchObject({
      state: 'retrying',
      error: 'bad data',
      checkpoint: 2,
      retry: { lastError: 'bad data' },
    });
    expect(await projectionsHealth(runner, (work) => work)).toEqual({
      broken: expect.objectContaining({
        status: 'down',
        state: 'retrying',
        reason: 'retrying: bad data',
        retry: expect.objectContaining({ attempt: expect.any(Number), nextRetryAt: expect.any(String) }),
      }),
    });
    // Capped at 80 ms a wait: over 400 ms of retrying there can be only a handful of attempts, each a few reads.
    const [attempts, reads] = [runner.states()[0].retry!.attempt, source.reads()];
    await new Promise((r) => setTimeout(r, 400));
    expect(runner.states()[0].retry!.attempt - attempts).toBeLessThanOrEqual(400 / 80 + 1);
    expect(source.reads() - reads).toBeLessThan(100);
    // Asked while it waits out a backoff that cannot end (not mid-attempt, when it is 'running'):
    // whatever the machine's speed, the waiter's timeout finds it retrying and says why.
    retries.hold();
    await until(() => retries.held() > 0, 'the next failure, its retry held');
    await expect(runner.waitFor(head, 50)).rejects.toThrow(/broken is retrying.*bad data/);
    await runner.stop();
    expect(runner.states()[0].state).toBe('stopped');
  });

  it('given a worker waiting out a long backoff, when the runner stops, then it stops at once', async () => {
    const source = flaky(events);
    source.goDown();
    const runner = new ProjectionRunner(source.store, store, [actionLogProjection], {
      batchMs: 5,
      retryPolicy: new RetryPolicy({ initialMs: 3_600_000, maxMs: 3_600_000 }),
    });
    runner.start();
    await until(() => runner.states()[0].state === 'retrying');
    await runner.stop();
    expect(runner.states()[0].state).toBe('stopped');
  });
});
