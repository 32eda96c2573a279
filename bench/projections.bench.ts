/**
 * Read models at scale: 1,000,000 governance events in a SQLite ledger, then in one run
 *   1. the raw global read rate (readAll in pages of 500, as the catch-up subscription reads): the baseline;
 *   2. the rebuild rate of every registered projection (PROJECTIONS) from an empty read-model file;
 *   3. as-of latency: random positions and dates, list pages and single actions (p50, p99);
 *   4. peak memory (RSS and heap, sampled every 50 ms).
 *   3b. as-of latency by validAt (business time): list pages (p50, p99) and the events each replays;
 *   3c. as-of latency on the case review and inspections registers (their records are generated too,
 *       at the rates in support/statutory-records.ts; STATUTORY=0 leaves them out, for an A/B);
 *   npm run bench:projections      (EVENTS, READ_ROUNDS, QUERIES, VALID_QUERIES env vars resize it)
 * The ledger is generated with synchronous=NORMAL for generation speed only (it is not what is measured),
 * then closed and reopened, so the WAL is checkpointed and the reads see a ledger at rest.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ActionEvent } from '../src/actions';
import type { MultiAgencyAuditEvent, ThematicReviewEvent } from '../src/assurance';
import type { DecisionEvent } from '../src/decisions';
import type { EscalationEvent } from '../src/escalations';
import type { BudgetEvent } from '../src/funding';
import type { MeetingEvent } from '../src/meetings';
import type { SignoffEvent } from '../src/signoffs';
import type { NewEvent } from '../src/ledger/event-envelope';
import { SqliteEventStore } from '../src/ledger/sqlite/sqlite-event-store';
import { parseAsOf, parseValidAt } from '../projections/as-of';
import { ActionLogReader } from '../src/read-models/action-log/action-log.reader';
import { asOfBusinessDate } from '../src/read-models/as-of/as-of-answer';
import { AsOfEngine } from '../src/read-models/as-of/as-of-engine';
import { AS_OF_SOURCES } from '../src/read-models/as-of/as-of.providers';
import { DEFAULT_SNAPSHOT_EVERY } from '../src/read-models/as-of/snapshot-layers';
import { ProjectionRunner } from '../src/read-models/projection-runner';
import { PROJECTIONS } from '../src/read-models/projections.module';
import { ReadModelStore } from '../src/read-models/read-model-store';
import { ManualClock } from '../src/shared/clock';
import { caseReviewsReader } from '../src/read-models/case-reviews/case-reviews.reader';
import { inspectionsReader } from '../src/read-models/inspections/inspections.reader';
import { personalReadLines, personalReads } from './personal-reads';
import { generated, newEvent, scanLog } from './support/ledger';
import { assuranceRound } from './support/generated-assurance';
import { machine } from './support/machine';
import { mb, PeakMemory } from './support/memory';
import { seededRandom } from './support/random';
import {
  CSPR_SHARE,
  INSPECTION_EVERY,
  RAPID_REVIEW_EVERY,
  StatutoryRecords,
  type StatutoryEvent,
} from './support/statutory-records';
import { envNumber as env, median, percentile as pct } from './support/stats';

const EVENTS = env('EVENTS', 1_000_000);
const READ_ROUNDS = env('READ_ROUNDS', 3);
const QUERIES = env('QUERIES', 200);
const VALID_QUERIES = env('VALID_QUERIES', 20);
/** As-of queries on the case review and inspections registers (half each): list pages and single records. */
const REGISTER_QUERIES = env('REGISTER_QUERIES', QUERIES / 2);
/** STATUTORY=0 leaves case reviews and inspections out of the generated ledger (the before side of an A/B). */
const STATUTORY = env('STATUTORY', 1) !== 0;
const PAGE = 500;

const { random, pick } = seededRandom(0x5eed);
const memory = new PeakMemory(50);

// ---- the generated partnership ---------------------------------------------------------------
const BOARDS = ['wseb', 'wscp', 'worcs-scb', 'cov-scp', 'solihull-sp'];
const PARTNERS = ['warwickshire-cc', 'warwickshire-police', 'cw-icb', 'probation-wm', 'schools-forum'];
const PEOPLE = Array.from({ length: 40 }, (_, i) => `person-${i}`);
const actor = (i: number) => ({
  userId: PEOPLE[i % PEOPLE.length],
  role: 'business-manager',
  agency: PARTNERS[i % PARTNERS.length],
});
type Typed =
  | MeetingEvent
  | ActionEvent
  | DecisionEvent
  | SignoffEvent
  | EscalationEvent
  | BudgetEvent
  | ThematicReviewEvent
  | MultiAgencyAuditEvent
  | StatutoryEvent;

const toNew = (e: Typed, occurredAt: string): NewEvent => newEvent(e, occurredAt, (id) => actor(id.charCodeAt(0)));

/** April to March: 2022-05-10 is in 2022-23. */
function financialYearOf(iso: string): string {
  const year = Number(iso.slice(0, 4)) - (Number(iso.slice(5, 7)) < 4 ? 1 : 0);
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Appends meeting after meeting (about 40 events each) until the log holds EVENTS events. */
async function generate(store: SqliteEventStore, clock: ManualClock): Promise<number> {
  let written = 0;
  const open: { actionId: string; meetingId: string; updates: number }[] = [];
  let lastYear = '';
  const statutory = new StatutoryRecords(random, PARTNERS);
  const put = async (streamId: string, events: Typed[], at: string) => {
    clock.advance(60_000 + Math.floor(random() * 600_000)); // a minute to ten later: recordedAt moves forward
    await store.append(
      streamId,
      events.map((e) => toNew(e, at)),
      'any',
    );
    written += events.length;
  };
  for (let m = 0; written < EVENTS; m++) {
    const boardId = BOARDS[m % BOARDS.length];
    const meetingId = `${boardId}-m${m}`;
    const at = new Date(Date.UTC(2020, 0, 1) + m * 3 * 3_600_000).toISOString();
    const stream = `meeting-${meetingId}`;
    await put(stream, [{ type: 'meeting-scheduled', data: { meetingId, boardId, scheduledFor: at } }], at);
    await put(
      stream,
      Array.from({ length: 8 }, (_, i): Typed => ({
        type: 'agenda-item-added',
        data: { meetingId, itemNumber: i + 1, title: `Item ${i + 1}`, presenterPersonIds: [pick(PEOPLE)] },
      })),
      at,
    );
    await put(
      stream,
      [
        {
          type: 'attendance-recorded',
          data: {
            meetingId,
            entries: PEOPLE.slice(0, 12).map((personId) => ({
              personId,
              status: random() < 0.85 ? 'present' : 'apologies',
            })),
          },
        },
      ],
      at,
    );
    for (let d = 0; d < 3; d++) {
      const decisionId = `${meetingId}-d${d}`;
      const outcome = pick(['approved', 'agreed', 'noted'] as const);
      const text = 'The board agreed the recommendations in the report';
      await put(
        `decision-${decisionId}`,
        [generated.decisionRecorded(decisionId, meetingId, d + 1, outcome, text, pick(PARTNERS))],
        at,
      );
    }
    for (let a = 0; a < 6; a++) {
      const actionId = `${meetingId}-a${a}`;
      const text = 'Circulate the revised escalation protocol to all partners';
      await put(
        `action-${actionId}`,
        [generated.actionRaised(actionId, meetingId, 1 + a, text, pick(PEOPLE), at.slice(0, 10))],
        at,
      );
      open.push({ actionId, meetingId, updates: 0 });
    }
    for (let u = 0; u < 15 && open.length > 0; u++) {
      const k = Math.floor(random() * Math.min(open.length, 60)); // the older open actions get chased
      const o = open[k];
      const roll = random();
      const e: ActionEvent =
        o.updates >= 3 || roll < 0.2
          ? { type: 'action-completed', data: { actionId: o.actionId, note: 'Done and reported' } }
          : roll < 0.55
            ? { type: 'action-progress-noted', data: { actionId: o.actionId, note: 'Draft shared with partners' } }
            : roll < 0.8
              ? {
                  type: 'action-carried-forward',
                  data: {
                    actionId: o.actionId,
                    toMeetingId: meetingId,
                    fromMeetingId: o.meetingId,
                    timesCarriedForward: o.updates + 1,
                  },
                }
              : roll < 0.9
                ? {
                    type: 'action-due-date-changed',
                    data: { actionId: o.actionId, dueDate: at.slice(0, 10), reason: 'Awaiting data' },
                  }
                : {
                    type: 'action-reassigned',
                    data: {
                      actionId: o.actionId,
                      owners: [{ kind: 'partner', partnerId: pick(PARTNERS) }],
                      previousOwners: [],
                      reason: 'Leave',
                    },
                  };
      await put(
        `action-${o.actionId}`,
        e.type === 'action-completed'
          ? [e, { type: 'action-closed', data: { actionId: o.actionId, closedFrom: 'actioned' } }]
          : [e],
        at,
      );
      if (e.type === 'action-completed') open.splice(k, 1);
      else o.updates++;
    }
    if (m % 2 === 0) {
      const signoffId = `${meetingId}-s`;
      // Requested, signed by each and completed, one append each.
      for (const e of generated.signoff(signoffId, `report-${m}`, PARTNERS.slice(0, 3)))
        await put(`signoff-${signoffId}`, [e], at);
    }
    if (m % 3 === 0) {
      const escalationId = `${meetingId}-e`;
      const [raisedBy, concerning] = [pick(PARTNERS), pick(PARTNERS)];
      const escalation = generated.escalation(escalationId, {
        protocolId: 'wscp-escalation',
        raisedByAgency: raisedBy,
        concerningAgency: concerning,
        subject: 'Strategy discussion not held',
        acknowledgedBy: pick(PARTNERS),
      });
      for (const e of escalation) await put(`escalation-${escalationId}`, [e], at);
    }
    // Case reviews and inspections (rates in bench/support/statutory-records.ts), their stages spread over later meetings.
    if (STATUTORY)
      for (const { streamId, events } of statutory.at(m, boardId, at.slice(0, 10))) await put(streamId, events, at);
    // One budget stream per financial year (as src/funding has it): set, five pledges, then a payment now and then.
    const financialYear = financialYearOf(at);
    const budget = `budget-${financialYear}`;
    if (financialYear !== lastYear) {
      lastYear = financialYear;
      const lines = [
        { lineId: 'staffing', name: 'Business unit staffing', amountPence: 30_000_000 },
        { lineId: 'training', name: 'Multi-agency training', amountPence: 5_000_000 },
      ];
      await put(
        budget,
        [
          {
            type: 'budget-set',
            data: {
              financialYear,
              totalPence: 40_000_000,
              lines,
              allocatedPence: 35_000_000,
              unallocatedPence: 5_000_000,
            },
          },
        ],
        at,
      );
      await put(
        budget,
        PARTNERS.map((partnerId): Typed => ({
          type: 'contribution-pledged',
          data: {
            financialYear,
            pledgeId: `${financialYear}-${partnerId}`,
            partnerId,
            amountPence: 8_000_000,
            basis: 'agreed',
          },
        })),
        at,
      );
    } else if (m % 400 === 0) {
      const partnerId = pick(PARTNERS);
      await put(
        budget,
        [
          {
            type: 'payment-received',
            data: {
              financialYear,
              paymentId: `${meetingId}-pay`,
              partnerId,
              amountPence: 2_000_000,
              receivedOn: at.slice(0, 10),
              pledgeId: `${financialYear}-${partnerId}`,
            },
          },
        ],
        at,
      );
    }
    if (m % 10 === 0)
      for (const [streamId, events] of assuranceRound(meetingId, PARTNERS, at.slice(0, 10)))
        await put(streamId, events, at);
    await put(stream, [{ type: 'meeting-closed', data: { meetingId } }], at);
    if (m % 1000 === 0) process.stderr.write(`\rgenerated ${written} events`);
  }
  process.stderr.write('\n');
  return written;
}

const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

const readRate = async (store: SqliteEventStore) => (await scanLog(store, PAGE)).eventsPerSecond;

async function main(): Promise<void> {
  // PERSONAL_READS_ONLY=1: only the personal-field read measure (seconds, not the 1M-event run).
  if (process.env.PERSONAL_READS_ONLY) {
    process.stdout.write(`${personalReadLines(await personalReads()).join('\n')}\n`);
    memory.stop();
    return;
  }
  // KEEP_LEDGER=<dir>: generate the ledger there once and reuse it on later runs (for A/B comparisons).
  const kept = process.env.KEEP_LEDGER;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'projections-bench-'));
  const clock = new ManualClock(new Date('2020-01-01T09:00:00.000Z'));
  try {
    const ledgerFile = join(dir, 'ledger.sqlite');
    rmSync(join(dir, 'read-models.sqlite'), { force: true });
    let t0 = performance.now();
    const reuse = kept !== undefined && existsSync(ledgerFile);
    if (!reuse) {
      const generator = new SqliteEventStore({ file: ledgerFile, synchronous: 'NORMAL' }, clock);
      await generate(generator, clock);
      // Closing checkpoints the WAL into the file: the reads below see a ledger at rest, as a restart would.
      await generator.close();
    }
    const generateS = (performance.now() - t0) / 1000;
    const events = new SqliteEventStore({ file: ledgerFile }, clock);
    const loadBefore = loadavg()[0];
    const { head, count } = await scanLog(events, 5000); // also warms the page cache before the timed reads
    clock.set(new Date((await events.readAll({ after: head - 1, maxCount: 1 }))[0].metadata.recordedAt));

    memory.reset();
    const reads: number[] = [];
    for (let r = 0; r < READ_ROUNDS; r++) reads.push(await readRate(events));
    const readPeak = memory.now();
    const cpu = process.cpuUsage();

    memory.reset();
    // As ProjectionsModule wires it: only the projections with an as-of source keep snapshot layers.
    const readModels = new ReadModelStore(join(dir, 'read-models.sqlite'), {
      snapshotProjections: AS_OF_SOURCES.map((s) => s.projection.name),
    });
    const runner = new ProjectionRunner(events, readModels, PROJECTIONS);
    t0 = performance.now();
    runner.start();
    await runner.waitFor(head, 30 * 60_000);
    const rebuildS = (performance.now() - t0) / 1000;
    const rebuildCpu = process.cpuUsage(cpu);
    await runner.stop();
    // Raw reads again after the rebuild: the machine is shared, so the baseline is the median of both sides.
    for (let r = 0; r < READ_ROUNDS; r++) reads.push(await readRate(events));
    const rebuildPeak = memory.now();

    memory.reset();
    const engine = new AsOfEngine(events, readModels, AS_OF_SOURCES);
    // CPU per answer (this process's user + system time): what a query costs whatever the machine's load.
    const cpuMs = { knownAt: [] as number[], registers: [] as number[] };
    const latencies: Record<string, number[]> = {
      'list, by position': [],
      'list, by date': [],
      'one action, by position': [],
      'one action, by date': [],
    };
    const first = new Date((await events.readAll({ maxCount: 1 }))[0].metadata.recordedAt).getTime();
    const span = clock.now().getTime() - first;
    for (let q = 0; q < QUERIES; q++) {
      const byDate = q % 2 === 1;
      const text = byDate
        ? new Date(first + random() * span).toISOString().slice(0, 10)
        : String(1 + Math.floor(random() * head));
      const one = q % 4 >= 2;
      const [start, cpu0] = [performance.now(), process.cpuUsage()];
      const answer = await engine.answer('action-log', { knownAt: { asOf: parseAsOf(text)!, requested: text } });
      const reader = new ActionLogReader(answer.view, { events, upTo: () => answer.resolution.position });
      const page = reader.list({ asOf: text.length === 10 ? text : '2030-01-01' }, 50);
      if (one && page.items.length > 0) await reader.get(pick(page.items).actionId, '2030-01-01');
      latencies[`${one ? 'one action' : 'list'}, by ${byDate ? 'date' : 'position'}`].push(performance.now() - start);
      cpuMs.knownAt.push(cpuSince(cpu0));
    }
    const all = Object.values(latencies).flat();
    // The case review and inspections registers, as their as-of endpoints answer: a page of 50
    // measured at the date asked for (or the position's own date), or one record.
    const registers: Record<string, number[]> = {
      'case-reviews list': [],
      'case-reviews one': [],
      'inspections list': [],
      'inspections one': [],
    };
    for (let q = 0; q < REGISTER_QUERIES; q++) {
      const model = q % 2 === 0 ? 'case-reviews' : 'inspections';
      const byDate = q % 4 >= 2;
      const when = first + random() * span;
      const text = byDate ? new Date(when).toISOString().slice(0, 10) : String(1 + Math.floor(random() * head));
      const [start, cpu0] = [performance.now(), process.cpuUsage()];
      const answer = await engine.answer(model, { knownAt: { asOf: parseAsOf(text)!, requested: text } });
      const measuredOn = asOfBusinessDate(answer, () => text);
      const one = q % 8 >= 4;
      if (model === 'case-reviews') {
        const reader = caseReviewsReader(answer.view);
        const page = reader.list({ measuredOn }, 50);
        if (one && page.items.length > 0) reader.get(pick(page.items).caseReviewId, measuredOn);
      } else {
        const reader = inspectionsReader(answer.view);
        const page = reader.list({ measuredOn }, 50);
        if (one && page.items.length > 0) reader.get(pick(page.items).inspectionId, measuredOn);
      }
      registers[`${model} ${one ? 'one' : 'list'}`].push(performance.now() - start);
      cpuMs.registers.push(cpuSince(cpu0));
    }
    const registerAll = Object.values(registers).flat();
    // validAt (business time) cannot start from a snapshot (they are cut by recording position):
    // each answer replays the projection's categories from the start of the log up to knownAt.
    const valid: number[] = [];
    let validReplayed = 0;
    for (let q = 0; q < VALID_QUERIES; q++) {
      const text = new Date(first + random() * span).toISOString().slice(0, 10);
      const start = performance.now();
      const answer = await engine.answer('action-log', { validAt: { ...parseValidAt(text)!, requested: text } });
      const reader = new ActionLogReader(answer.view, { events, upTo: () => answer.resolution.position });
      reader.list({ asOf: text }, 50);
      valid.push(performance.now() - start);
      validReplayed = Math.max(validReplayed, answer.replayed);
    }
    const sizes = footprint(join(dir, 'read-models.sqlite'));
    const asOfPeak = memory.now();
    const personal = await personalReads();

    const raw = median(reads);
    const rebuild = count / rebuildS;
    const rebuildCpuS = (rebuildCpu.user + rebuildCpu.system) / 1e6;
    const on = machine();
    const lines = [
      `Machine: ${on.nproc} cores (${on.cpu}), ${mb(on.memoryBytes)} MB RAM, Node ${on.node}, ${on.date}`,
      `Load average (1 min) before / after the measurements: ${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)} (the machine is shared with other work)`,
      `Ledger: ${count} events ${reuse ? 'reused' : `generated in ${generateS.toFixed(0)} s`} (synchronous=NORMAL), ${mb(statSync(ledgerFile).size)} MB file; projections: ${PROJECTIONS.map((p) => p.name).join(', ')}; snapshot every ${DEFAULT_SNAPSHOT_EVERY} events`,
      STATUTORY
        ? `Statutory records: ${counts(ledgerFile)} (a rapid review every ${RAPID_REVIEW_EVERY} meetings, ${CSPR_SHARE * 100}% commissioned as CSPRs; an inspection every ${INSPECTION_EVERY}, eight recommendations each)`
        : 'Statutory records: none (STATUTORY=0)',
      '',
      '| measure | result |',
      '| --- | --- |',
      `| raw global read (readAll, pages of ${PAGE}), median of ${reads.length} (before and after the rebuild) | ${Math.round(raw)} events/s (runs: ${reads.map(Math.round).join(', ')}) |`,
      `| rebuild of all ${PROJECTIONS.length} projections from empty | ${Math.round(rebuild)} events/s (${rebuildS.toFixed(1)} s wall, ${rebuildCpuS.toFixed(1)} s CPU) = ${((100 * rebuild) / raw).toFixed(0)}% of raw read (goal >= 50%) |`,
      `| read-model file after rebuild | ${mb(statSync(join(dir, 'read-models.sqlite')).size)} MB: ${sizes} |`,
      `| as-of query, all ${all.length} | p50 ${pct(all, 50).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms (goal p99 < 200 ms) |`,
      // A small QUERIES can leave a kind with no sample (the kinds are drawn at random): no row for it.
      ...Object.entries(latencies)
        .filter(([, xs]) => xs.length > 0)
        .map(
          ([k, xs]) =>
            `| as-of ${k} (${xs.length}) | p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms |`,
        ),
      ...Object.entries(cpuMs)
        .filter(([, xs]) => xs.length > 0)
        .map(
          ([k, xs]) =>
            `| as-of ${k === 'knownAt' ? 'action-log' : 'registers'}: CPU per answer (load-independent) | p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms |`,
        ),
      ...(registerAll.length
        ? [
            `| as-of registers (case-reviews, inspections), all ${registerAll.length} | p50 ${pct(registerAll, 50).toFixed(1)} ms, p99 ${pct(registerAll, 99).toFixed(1)} ms, max ${Math.max(...registerAll).toFixed(1)} ms (goal p99 < 200 ms) |`,
            ...Object.entries(registers)
              .filter(([, xs]) => xs.length > 0)
              .map(
                ([k, xs]) =>
                  `| as-of ${k} (${xs.length}) | p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms |`,
              ),
          ]
        : []),
      ...(valid.length
        ? [
            `| as-of list by validAt (business time, whole-log replay of the projection's categories; ${valid.length}) | p50 ${pct(valid, 50).toFixed(1)} ms, p99 ${pct(valid, 99).toFixed(1)} ms, up to ${validReplayed} events replayed |`,
          ]
        : []),
      ...personalReadLines(personal),
      `| peak memory: raw read | RSS ${mb(readPeak.rss)} MB, heap ${mb(readPeak.heap)} MB |`,
      `| peak memory: rebuild | RSS ${mb(rebuildPeak.rss)} MB, heap ${mb(rebuildPeak.heap)} MB |`,
      `| peak memory: as-of queries | RSS ${mb(asOfPeak.rss)} MB, heap ${mb(asOfPeak.heap)} MB |`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    readModels.close();
    await events.close();
  } finally {
    memory.stop();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

/** How many case review and inspection streams and events the ledger holds. */
function counts(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const row = (like: string) =>
      db
        .prepare(`SELECT COUNT(DISTINCT stream_id) AS s, COUNT(*) AS n FROM events WHERE stream_id LIKE ?`)
        .get(like) as {
        s: number;
        n: number;
      };
    const [c, i] = [row('casereview-%'), row('inspection-%')];
    return `${c.s} case reviews (${c.n} events), ${i.s} inspections (${i.n} events)`;
  } finally {
    db.close();
  }
}

/** Where the read-model file's bytes go: documents and snapshot layers per projection (JSON text). */
function footprint(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT 'documents' AS t, projection, COUNT(*) AS n, SUM(length(doc)) AS bytes FROM documents GROUP BY projection
      UNION ALL SELECT 'snapshots', projection, COUNT(*), SUM(length(doc)) FROM snapshot_docs GROUP BY projection`,
      )
      .all() as { t: string; projection: string; n: number; bytes: number }[];
    return rows.map((r) => `${r.t} ${r.projection} ${r.n} rows ${mb(r.bytes)} MB`).join('; ');
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
