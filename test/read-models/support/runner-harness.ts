import type { Projection } from '../../../projections/projection';
import { actionLogProjection } from '../../../projections/action-log/action-log.projection';
import type { EventStore } from '../../../src/ledger/event-store.port';
import { MemoryEventStore } from '../../../src/ledger/memory/memory-event-store';
import { ProjectionRunner } from '../../../src/read-models/projection-runner';
import { ReadModelStore } from '../../../src/read-models/read-model-store';
import { ManualClock } from '../../../src/shared/clock';
import { HANG_GUARD_MS } from '../../support/hang-guard';
import { toAppends, type Append } from './action-histories';

/** Appends one by one (each its own commit, as handlers do); returns the last position. */
export async function appendAll(events: EventStore, appends: Append[]): Promise<number> {
  let last = -1;
  for (const { streamId, event } of appends) last = (await events.append(streamId, [event], 'any')).position;
  return last;
}

export interface LogAndStore {
  events: MemoryEventStore;
  store: ReadModelStore;
  head: number;
}

/**
 * A fresh memory log holding `appends` (one commit each) and an empty in-memory read-model store;
 * `head` is the last position. Each runner spec builds one per test (and closes the store after it).
 */
export async function memoryLogAndStore(appends: Append[]): Promise<LogAndStore> {
  const events = new MemoryEventStore(new ManualClock());
  const store = new ReadModelStore(':memory:');
  return { events, store, head: await appendAll(events, appends) };
}

/** Every document a projection holds, by key, as stored. */
export function dump(store: ReadModelStore, projection = actionLogProjection.name): Record<string, unknown> {
  return Object.fromEntries([...store.scan(projection, '')].map(({ key, doc }) => [key, doc]));
}

/** Counts every event under one key, so every commit sends exactly one change (at the batch's last position). */
export const tally: Projection<{ n: number }> = {
  name: 'tally',
  version: 1,
  canHandle: () => true,
  keysOf: () => ['all'],
  initialState: () => ({ n: 0 }),
  evolve: (d) => ({ n: d.n + 1 }),
};

/** How long a spec waits for the runner to reach a position before calling it hung (test/support/hang-guard). */
export { HANG_GUARD_MS };

/** Polls `condition` every 5 ms until it holds; throws after `limitMs` (a hang guard: a busy machine is only slower). */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what = 'condition',
  limitMs = HANG_GUARD_MS,
): Promise<void> {
  for (const end = Date.now() + limitMs; !(await condition());) {
    if (Date.now() > end) throw new Error(`${what}: not met within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Longer than any test runs: a catch-up batch given this never commits by time, only by count or at the head. */
export const AN_HOUR_MS = 3_600_000;

/**
 * Live batches of `batchSize` (5 ms), catch-up batches of `catchUpBatchSize` committed after `catchUpMs`
 * at the latest. By default that is an hour, so only counts and the head decide where catch-up
 * batches end, however slow the machine (a 60 s default could elapse inside a batch under load).
 */
export const batches = (batchSize: number, catchUpBatchSize: number, catchUpMs = AN_HOUR_MS) => ({
  batchSize,
  batchMs: 5,
  catchUpBatchSize,
  catchUpMs,
});

/** Starts the runner, does `during`, and stops the runner whatever happened. */
export async function whileRunning(runner: ProjectionRunner, during: () => Promise<void>): Promise<void> {
  runner.start();
  try {
    await during();
  } finally {
    await runner.stop();
  }
}

/** Starts a runner, waits (up to `timeoutMs`, a hang guard) until it has applied `position` (when given), stops it. */
export async function runOnce(
  events: EventStore,
  store: ReadModelStore,
  position?: number,
  options = {},
  projection: Projection<unknown> = actionLogProjection,
  timeoutMs = HANG_GUARD_MS,
): Promise<void> {
  const runner = new ProjectionRunner(events, store, [projection], { batchMs: 5, ...options });
  await whileRunning(runner, async () => {
    if (position !== undefined && position >= 0) await runner.waitFor(position, timeoutMs);
  });
}

/** Appends one more action event (its own commit); returns its position. */
export async function appendOneMore(events: EventStore): Promise<number> {
  const [more] = toAppends([{ action: 1, kind: 1 }], []);
  return (await events.append(more.streamId, [more.event], 'any')).position;
}

/** The documents a fresh store holds after replaying the whole log. */
export async function rebuild(events: EventStore, position: number): Promise<Record<string, unknown>> {
  const fresh = new ReadModelStore(':memory:');
  try {
    await runOnce(events, fresh, position);
    return dump(fresh);
  } finally {
    fresh.close();
  }
}
