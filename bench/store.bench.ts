/**
 * Store throughput: the SQLite ledger adapter against raw better-sqlite3 on the same table, the
 * same pragmas and the same durability, as the limit the adapter can approach.
 *   npm run bench:store        (ROUNDS, SINGLE, SINGLE_MS, BATCHES, READ env vars resize it)
 * Each figure is the median of ROUNDS runs, the engines interleaved, because the machine is shared.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from '../src/ledger/event-envelope';
import { NEW_STREAM_TAIL, sealEvents } from '../src/ledger/integrity/hash-chain';
import { SqliteEventStore } from '../src/ledger/sqlite/sqlite-event-store';
import { configure, EVENT_COLUMNS } from '../src/ledger/sqlite/schema';
import { systemClock } from '../src/shared/clock';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = env('ROUNDS', 7);
const SINGLE = env('SINGLE', 1500); // single-event appends per engine per run, each its own fsynced commit…
const SINGLE_MS = env('SINGLE_MS', 1000); // …or fewer when fsync is slow: about this long per engine
const CHUNK = 25; // single appends in a row before switching engine, so all see the same disk weather
const BATCH = 1000; // events per append in the batched runs
const BATCHES = env('BATCHES', 20);
const READ = env('READ', 60_000); // events in the log that is read back
const BULK_PAGE = 5000;

const ENGINES = ['ledger', 'raw', 'floor'] as const;
type Engine = (typeof ENGINES)[number];
type Rates = Record<Engine, number>; // events per second

const root = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
let files = 0;
const freshFile = () => join(root, `${++files}`, 'ledger.sqlite');
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const perSecond = (count: number, ms: number) => count / (ms / 1000);
/** The engines in a different order each round, so none always gets the warmer (or noisier) slot. */
const rotated = (round: number) => ENGINES.map((_, k) => ENGINES[(round + k) % ENGINES.length]);

/** A realistic decision event: a few scalars, a short list, an actor acting with a deputy's authority. */
function newEvent(i: number): NewEvent {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}-${files}`;
  return {
    id,
    type: 'decision-recorded',
    schemaVersion: 1,
    data: { meetingId: `meeting-${i % 97}`, item: 'Section 11 audit', decision: 'Approved with two actions', amountPence: 2164900 + i, attendees: ['warwickshire-cc', 'police', 'icb'], quorate: true },
    metadata: {
      actor: { userId: 'user-amrita', role: 'business-manager', agency: 'warwickshire-cc', onBehalfOf: { userId: 'user-chair', role: 'chair', agency: 'warwickshire-cc', meetingId: 'meeting-1' } },
      correlationId: id, causationId: id, occurredAt: '2022-05-10T10:00:00.000Z',
    },
  };
}
const newEvents = (count: number, from = 0) => Array.from({ length: count }, (_, i) => newEvent(from + i));

type RawRow = [string, number, string, string, number, string, string, string, string];
type Tail = { revision: number; hash: string };
const HASH = 'ab'.repeat(32);

/** raw: the same JSON the ledger stores, with pre-made hash strings, so it pays no hashing at all. */
function rawRow(e: NewEvent, revision: number, streamId = 'case-1'): RawRow {
  const metadata = JSON.stringify({ ...e.metadata, recordedAt: '2022-05-10T10:00:01.000Z' });
  return [streamId, revision, e.id, e.type, e.schemaVersion, JSON.stringify(e.data), metadata, HASH, HASH];
}

/**
 * floor (context, not the goal's baseline): raw plus the work no ledger can skip, sealing
 * (canonical JSON + SHA-256) before inserting and JSON.parse after reading. The gap between the
 * ledger and floor is what the adapter itself costs.
 */
function sealRows(events: NewEvent[], tail: Tail): { rows: RawRow[]; tail: Tail } {
  const sealed = sealEvents('case-1', events, tail, new Date().toISOString());
  const rows = sealed.map((e): RawRow => [e.streamId, e.revision, e.id, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.integrity.prevHash, e.integrity.hash]);
  const last = sealed[sealed.length - 1];
  return { rows, tail: { revision: last.revision, hash: last.integrity.hash } };
}

/** The raw limit: the adapter's own schema and pragmas (configure), prepared statements, nothing else. */
function openRaw(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  configure(db, 'FULL');
  const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const one = db.transaction((r: RawRow) => insert.run(...r));
  const many = db.transaction((rows: RawRow[]) => { for (const r of rows) insert.run(...r); });
  const page = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw();
  return { db, one, many, page };
}

/**
 * Single appends, all three engines in one run: CHUNK appends each in turn, timing each engine's
 * chunks, so a burst of someone else's disk traffic lands on all of them rather than on one run.
 */
async function singleRound(round: number): Promise<Rates> {
  const store = new SqliteEventStore({ file: freshFile() }, systemClock);
  const [raw, floor] = [openRaw(freshFile()), openRaw(freshFile())];
  const events = newEvents(SINGLE + 1);
  const rows = events.map((e, i) => rawRow(e, i));
  let floorTail: Tail = NEW_STREAM_TAIL;
  const step: Record<Engine, (i: number) => Promise<unknown> | void> = {
    ledger: (i) => store.append('case-1', [events[i]], i === 0 ? 'no_stream' : i - 1),
    raw: (i) => { raw.one.immediate(rows[i]); },
    floor: (i) => { const s = sealRows([events[i]], floorTail); floor.one.immediate(s.rows[0]); floorTail = s.tail; },
  };
  for (const engine of ENGINES) await step[engine](0); // each stream exists, so every timed append extends one
  const ms: Rates = { ledger: 0, raw: 0, floor: 0 };
  let done = 1;
  while (done + CHUNK <= SINGLE + 1 && Math.max(...Object.values(ms)) < SINGLE_MS) {
    for (const engine of rotated(round + done)) {
      const t = performance.now();
      for (let i = done; i < done + CHUNK; i++) await step[engine](i);
      ms[engine] += performance.now() - t;
    }
    done += CHUNK;
  }
  await store.close();
  raw.db.close();
  floor.db.close();
  const appends = done - 1;
  return { ledger: perSecond(appends, ms.ledger), raw: perSecond(appends, ms.raw), floor: perSecond(appends, ms.floor) };
}

const batched: Record<Engine, () => Promise<number>> = {
  async ledger() {
    const store = new SqliteEventStore({ file: freshFile() }, systemClock);
    const batches = Array.from({ length: BATCHES }, (_, b) => newEvents(BATCH, b * BATCH));
    const t = performance.now();
    for (let b = 0; b < BATCHES; b++) await store.append('case-1', batches[b], b === 0 ? 'no_stream' : b * BATCH - 1);
    const rate = perSecond(BATCHES * BATCH, performance.now() - t);
    await store.close();
    return rate;
  },
  async raw() {
    const { db, many } = openRaw(freshFile());
    const batches = Array.from({ length: BATCHES }, (_, b) => newEvents(BATCH, b * BATCH).map((e, i) => rawRow(e, b * BATCH + i)));
    const t = performance.now();
    for (let b = 0; b < BATCHES; b++) many.immediate(batches[b]);
    const rate = perSecond(BATCHES * BATCH, performance.now() - t);
    db.close();
    return rate;
  },
  async floor() {
    const { db, many } = openRaw(freshFile());
    const batches = Array.from({ length: BATCHES }, (_, b) => newEvents(BATCH, b * BATCH));
    const t = performance.now();
    let tail: Tail = NEW_STREAM_TAIL;
    for (let b = 0; b < BATCHES; b++) {
      const sealed = sealRows(batches[b], tail);
      many.immediate(sealed.rows);
      tail = sealed.tail;
    }
    const rate = perSecond(BATCHES * BATCH, performance.now() - t);
    db.close();
    return rate;
  },
};

// The logs to read are written once per engine (the ledger's through the ledger), then read every round.
const reads = {} as { ledger: SqliteEventStore; raw: ReturnType<typeof openRaw> };
async function prepareReads(): Promise<void> {
  reads.ledger = new SqliteEventStore({ file: freshFile() }, systemClock);
  reads.raw = openRaw(freshFile());
  for (let from = 0, s = 0; from < READ; from += BATCH, s++) {
    const events = newEvents(Math.min(BATCH, READ - from), from);
    await reads.ledger.append(`case-${s}`, events, 'no_stream');
    reads.raw.many(events.map((e, i) => rawRow(e, i, `case-${s}`)));
  }
}

/** Pages through the whole log: the ledger via readAll; raw and floor via the same SELECT (floor also parses). */
async function readRate(engine: Engine, pageSize: number): Promise<number> {
  const fetch: Record<Engine, (after: number) => Promise<{ count: number; last: number }>> = {
    ledger: async (after) => {
      const events = await reads.ledger.readAll({ after, maxCount: pageSize });
      return { count: events.length, last: events.at(-1)?.position ?? after };
    },
    raw: async (after) => {
      const rows = reads.raw.page.all(after, pageSize) as unknown[][];
      return { count: rows.length, last: (rows.at(-1)?.[0] as number) ?? after };
    },
    floor: async (after) => {
      const events = (reads.raw.page.all(after, pageSize) as unknown[][]).map(parsed);
      return { count: events.length, last: (events.at(-1)?.position as number) ?? after };
    },
  };
  const t = performance.now();
  let n = 0;
  for (let after = -1; ;) {
    const page = await fetch[engine](after);
    n += page.count;
    if (page.count < pageSize) break;
    after = page.last;
  }
  if (n !== READ) throw new Error(`${engine} read ${n} of ${READ}`);
  return perSecond(n, performance.now() - t);
}
const parsed = (r: unknown[]) => ({
  id: r[3], streamId: r[1], revision: r[2], position: r[0], type: r[4], schemaVersion: r[5],
  data: JSON.parse(r[6] as string), metadata: JSON.parse(r[7] as string), integrity: { prevHash: r[8], hash: r[9] },
});

async function medians(run: (round: number) => Promise<Rates>): Promise<{ median: Rates; runs: Record<Engine, number[]> }> {
  const runs: Record<Engine, number[]> = { ledger: [], raw: [], floor: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const rates = await run(round);
    for (const e of ENGINES) runs[e].push(rates[e]);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { median: { ledger: mid(runs.ledger), raw: mid(runs.raw), floor: mid(runs.floor) }, runs };
}

/** Batched and read runs: one engine at a time, in rotated order within each round. */
const oneAtATime = (measure: (engine: Engine) => Promise<number>) => async (round: number): Promise<Rates> => {
  const rates = {} as Rates;
  for (const engine of rotated(round)) {
    gc();
    rates[engine] = await measure(engine);
  }
  return rates;
};

const MEASUREMENTS = [
  { goal: 0.8, label: 'durable single-event appends/s', run: singleRound },
  { goal: 0.7, label: `batched appends, events/s (${BATCH}/append)`, run: oneAtATime((e) => batched[e]()) },
  { goal: 0.5, label: 'global read, events/s (pages of 500)', run: oneAtATime((e) => readRate(e, 500)) },
  { goal: 0.5, label: `global read, events/s (pages of ${BULK_PAGE})`, run: oneAtATime((e) => readRate(e, BULK_PAGE)) },
];

async function main(): Promise<void> {
  await prepareReads();
  const fmt = (n: number, width = 9) => Math.round(n).toLocaleString('en-GB').padStart(width);
  console.log(`store bench ${new Date().toISOString()} | node ${process.version} | ${cpus().length} x ${cpus()[0]?.model ?? '?'}`);
  console.log(`${ROUNDS} rounds, engines interleaved; single <= ${SINGLE} or ~${SINGLE_MS} ms per engine, batched ${BATCHES}x${BATCH}, read ${READ}; WAL, synchronous=FULL`);
  console.log(`${'median of runs'.padEnd(42)} ${'ledger'.padStart(9)} ${'raw'.padStart(9)}  ratio  goal            ${'raw+seal/parse'.padStart(14)}  ratio`);
  let missed = 0;
  for (const m of MEASUREMENTS) {
    const { median: { ledger, raw, floor }, runs } = await medians(m.run);
    const met = ledger / raw >= m.goal;
    if (!met) missed++;
    const goal = `>= ${m.goal.toFixed(2)} ${met ? 'met   ' : 'MISSED'}`;
    console.log(`${m.label.padEnd(42)} ${fmt(ledger)} ${fmt(raw)}  ${(ledger / raw).toFixed(2)}  ${goal}  ${fmt(floor, 14)}  ${(ledger / floor).toFixed(2)}`);
    if (process.env.VERBOSE) console.log(`  runs: ${ENGINES.map((e) => `${e} ${runs[e].map(Math.round).join(' ')}`).join(' | ')}`);
  }
  await reads.ledger.close();
  reads.raw.db.close();
  console.log(missed ? `${missed} goal(s) missed` : 'all goals met');
}

main()
  .catch((err: unknown) => { console.error(err); process.exitCode = 1; })
  .finally(() => rmSync(root, { recursive: true, force: true }));
