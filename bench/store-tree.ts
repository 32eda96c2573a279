/**
 * The log tree's cost, for bench/store.bench.ts: the follower (src/ledger/log-tree) appends every
 * event of the log to the RFC 9162 tree in its own SQLite file. Appends do not wait for it (the
 * ledger's append path is unchanged), so its cost is the machine's: CPU per event, the tree file's
 * bytes per event, and how fast it follows. Per round, in rotated order: raw+JSON batched appends
 * (the goals' baseline); the ledger's batched appends with the follower live in the same process,
 * as the service runs them (the appends timed alone, then until the tree covers them all); and a
 * follower catching up with that ledger from an empty tree file (committed, WAL), for its
 * throughput and CPU per event.
 */
import { dirname, join } from 'node:path';
import type { NewEvent } from '../src/ledger/event-envelope';
import { DEFAULT_FOLLOWER_OPTIONS, LogTreeFollower } from '../src/ledger/log-tree/log-tree-follower';
import { LogTreeStore } from '../src/ledger/log-tree/log-tree-store';
import { SqliteEventStore } from '../src/ledger/sqlite/sqlite-event-store';
import { systemClock } from '../src/shared/clock';

export interface TreeRates {
  /** events/s */
  json: number;
  /** The ledger's batched appends with the follower running live in the same process (appends timed alone). */
  ledgerLive: number;
  /** From the first append until the live follower's tree covers every event: both jobs, one process. */
  appendAndFollow: number;
  /** The follower catching up alone from an empty tree file over the same ledger. */
  follow: number;
  /** CPU microseconds (user + system) the catching-up follower spent per event, and the tree file's bytes per event. */
  followCpuUsPerEvent: number;
  treeBytesPerEvent: number;
}

export interface TreeBenchDeps {
  freshFile(): string;
  newEvents(count: number, from: number): NewEvent[];
  appendJson(file: string, batches: NewEvent[][]): number; // ms
  batch: number;
  batches: number;
  gc(): void;
}

export async function treeRound(round: number, d: TreeBenchDeps): Promise<TreeRates> {
  const n = d.batch * d.batches;
  const batches = () => Array.from({ length: d.batches }, (_, b) => d.newEvents(d.batch, b * d.batch));
  const ledgerFile = d.freshFile();
  let jsonMs = 0;
  let live = { appendMs: 0, totalMs: 0 };
  let follow = { ms: 0, cpuUs: 0, bytes: 0 };
  const steps = [
    async () => {
      jsonMs = d.appendJson(d.freshFile(), batches());
    },
    async () => {
      live = await appendWhileFollowing(ledgerFile, batches(), d.batch, n);
    },
    async () => {
      follow = await followAll(ledgerFile, join(dirname(ledgerFile), 'catch-up-tree.sqlite'), n);
    },
  ];
  // The catch-up needs the ledger written first; raw+JSON takes the first, middle or last slot by round.
  const order = [
    [0, 1, 2],
    [1, 0, 2],
    [1, 2, 0],
  ][round % 3];
  for (const i of order) {
    d.gc();
    await steps[i]();
  }
  const perSecond = (ms: number) => n / (ms / 1000);
  return {
    json: perSecond(jsonMs),
    ledgerLive: perSecond(live.appendMs),
    appendAndFollow: perSecond(live.totalMs),
    follow: perSecond(follow.ms),
    followCpuUsPerEvent: follow.cpuUs / n,
    treeBytesPerEvent: follow.bytes / n,
  };
}

/** Batched appends through the ledger while a follower keeps the tree live, as in the service (one process, one event loop). */
async function appendWhileFollowing(
  ledgerFile: string,
  batches: NewEvent[][],
  batch: number,
  n: number,
): Promise<{ appendMs: number; totalMs: number }> {
  const store = new SqliteEventStore({ file: ledgerFile }, systemClock);
  const tree = new LogTreeStore(join(dirname(ledgerFile), 'log-tree.sqlite'));
  const follower = new LogTreeFollower(store, tree, { ...DEFAULT_FOLLOWER_OPTIONS, waitMs: 600_000 });
  follower.start();
  await follower.head();
  const t = performance.now();
  let last = 0;
  for (let b = 0; b < batches.length; b++)
    last = (await store.append('case-1', batches[b], b === 0 ? 'no_stream' : b * batch - 1)).position;
  const appendMs = performance.now() - t;
  const head = await follower.head(last);
  const totalMs = performance.now() - t;
  if (head.size !== n) throw new Error(`the live tree holds ${head.size} of ${n} events`);
  await follower.stop();
  tree.close();
  await store.close();
  return { appendMs, totalMs };
}

/** A follower over the ledger file from an empty tree file, timed until its committed tree covers all `n` events. */
async function followAll(
  ledgerFile: string,
  treeFile: string,
  n: number,
): Promise<{ ms: number; cpuUs: number; bytes: number }> {
  const events = new SqliteEventStore({ file: ledgerFile }, systemClock);
  const store = new LogTreeStore(treeFile);
  const follower = new LogTreeFollower(events, store, { ...DEFAULT_FOLLOWER_OPTIONS, waitMs: 600_000 });
  const [last] = await events.readStream('case-1', { direction: 'backwards', maxCount: 1 });
  const cpu = process.cpuUsage();
  const t = performance.now();
  follower.start();
  const head = await follower.head(last.position);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (head.size !== n) throw new Error(`the tree holds ${head.size} of ${n} events`);
  await follower.stop();
  const bytes = store.sizeBytes();
  store.close();
  await events.close();
  return { ms, cpuUs: used.user + used.system, bytes };
}
