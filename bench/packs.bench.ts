/**
 * Evidence packs at scale: 100,000 generated governance events in a SQLite ledger, its RFC 9162 log
 * tree kept by the real follower (LogTreeFollower + LogTreeStore, as the service keeps it) and a
 * signed digest of the head carrying the tree; then, three times, interleaved, in three ways:
 *   none        no digest (events, CSVs, summary: the floor);
 *   log-hashes  the digest proven the pre-issue-12 way, log-hashes.txt listing the whole log;
 *   proofs      the digest proven the issue-12 way, log-proofs.ndjson (an inclusion proof per event,
 *               a head per stream, from the tree file);
 * each way
 *   1. build a pack over all of them (full scope: every kind, every board and partner, the whole period)
 *      into a file, measuring wall and CPU time and peak RSS (sampled every 20 ms during the build);
 *   2. verify it offline (verifyPack: hashes, chains, CSV recomputation, log-hashes or proofs), measuring wall time.
 * Medians of the runs per way are reported with the pack size and the machine's details.
 *   npm run bench:packs      (EVENTS and RUNS env vars resize it)
 * The ledger is generated with synchronous=NORMAL for generation speed only (it is not what is
 * measured), then closed and reopened with the default (FULL), so the build reads a ledger at rest.
 */
import { execFileSync, execSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPack, type BuildPackRequest, verifyPack, type PackProgress, type PackScope } from '../src/evidence';
import type { SignedDigest } from '../src/ledger/digests/signed-digest';
import { LogHeadDigester } from '../src/ledger/digests/log-head-digester';
import { LogTreeFollower } from '../src/ledger/log-tree/log-tree-follower';
import { LogTreeStore } from '../src/ledger/log-tree/log-tree-store';
import { SqliteEventStore } from '../src/ledger/sqlite/sqlite-event-store';
import { ManualClock } from '../src/shared/clock';
import { ESCALATION_STAGES, generated, newEvent } from './support/ledger';
import { loadAverages, machine } from './support/machine';
import { mb, mbTenths, PeakMemory } from './support/memory';
import { seededRandom } from './support/random';
import { envNumber as env, median } from './support/stats';
import { inTempDir } from './support/temp-dir';

const EVENTS = env('EVENTS', 100_000);
const RUNS = env('RUNS', 3);

const { random, pick } = seededRandom(0x9ac5);

const BOARDS = ['wseb', 'wscp', 'wsp'];
const PARTNERS = [
  'warwickshire-county-council',
  'warwickshire-police',
  'coventry-warwickshire-icb',
  'probation-wm',
  'schools-forum',
];
const PEOPLE = Array.from({ length: 40 }, (_, i) => `person${i}`);
const THEMES = ['exploitation', 'MASH front door', 'neglect', 'online safety', 'domestic abuse'];
const actor = (i: number) => ({
  userId: PEOPLE[i % PEOPLE.length],
  role: 'business-manager',
  agency: PARTNERS[i % PARTNERS.length],
});

type Plain = { type: string; data: unknown };

/** Meetings (about 40 events each) with their decisions, sign-offs, actions, escalations and funding, until EVENTS. */
async function generate(store: SqliteEventStore, clock: ManualClock): Promise<number> {
  let written = 0;
  const put = async (streamId: string, events: Plain[], at: string) => {
    clock.advance(60_000);
    await store.append(
      streamId,
      events.map((e) => newEvent(e, at, () => actor(written))),
      'any',
    );
    written += events.length;
  };
  const start = '2019-12-01T09:00:00.000Z';
  for (const boardId of BOARDS)
    await put(
      `board-${boardId}`,
      [{ type: 'board-registered', data: { boardId, name: boardId, kind: 'executive' } }],
      start,
    );
  for (const partnerId of PARTNERS)
    await put(
      `partner-${partnerId}`,
      [{ type: 'partner-registered', data: { partnerId, name: partnerId, kind: 'other', statutory: true } }],
      start,
    );
  for (const [i, personId] of PEOPLE.entries())
    await put(
      `person-${personId}`,
      [{ type: 'person-registered', data: { personId, name: personId, partnerId: PARTNERS[i % PARTNERS.length] } }],
      start,
    );
  await put(
    'protocol-wscp',
    [
      {
        type: 'escalation-protocol-defined',
        data: {
          protocolId: 'wscp',
          name: 'Resolving professional disagreements',
          version: 1,
          stages: ESCALATION_STAGES,
        },
      },
    ],
    start,
  );
  const open: { actionId: string; updates: number }[] = [];
  for (let m = 0; written < EVENTS; m++) {
    const boardId = BOARDS[m % BOARDS.length];
    const meetingId = `${boardId}-m${m}`;
    const at = new Date(Date.UTC(2020, 0, 1) + m * 86_400_000).toISOString();
    const fy = `${at.slice(0, 4)}-${String((Number(at.slice(2, 4)) + 1) % 100).padStart(2, '0')}`;
    const meeting = `meeting-${meetingId}`;
    await put(
      meeting,
      [
        { type: 'meeting-scheduled', data: { meetingId, boardId, scheduledFor: at } },
        ...Array.from({ length: 6 }, (_, i) => ({
          type: 'agenda-item-added',
          data: { meetingId, itemNumber: i + 1, title: `Item ${i + 1}: ${pick(THEMES)}` },
        })),
      ],
      at,
    );
    for (let d = 0; d < 3; d++) {
      const decisionId = `${meetingId}-d${d}`;
      const text = `The board agreed the ${pick(THEMES)} recommendations`;
      const decision = generated.decisionRecorded(
        decisionId,
        meetingId,
        d + 1,
        'agreed',
        text,
        pick(PARTNERS),
        400_000,
      );
      await put(`decision-${decisionId}`, [decision], at);
      if (d === 0) {
        const signoffId = `${decisionId}-s`;
        const signoff = generated.signoff(signoffId, `report-${m}`, PARTNERS.slice(0, 3), { decisionId, meetingId });
        await put(`signoff-${signoffId}`, signoff, at);
      }
    }
    for (let a = 0; a < 5; a++) {
      const actionId = `${meetingId}-a${a}`;
      const text = `Report back on ${pick(THEMES)}`;
      await put(
        `action-${actionId}`,
        [generated.actionRaised(actionId, meetingId, 1 + a, text, pick(PEOPLE), at.slice(0, 10))],
        at,
      );
      open.push({ actionId, updates: 0 });
    }
    for (let u = 0; u < 8 && open.length > 0; u++) {
      const k = Math.floor(random() * Math.min(open.length, 40));
      const o = open[k];
      if (o.updates >= 2) {
        await put(
          `action-${o.actionId}`,
          [
            { type: 'action-completed', data: { actionId: o.actionId } },
            { type: 'action-closed', data: { actionId: o.actionId, closedFrom: 'actioned' } },
          ],
          at,
        );
        open.splice(k, 1);
      } else {
        await put(
          `action-${o.actionId}`,
          [{ type: 'action-progress-noted', data: { actionId: o.actionId, note: 'Draft shared with partners' } }],
          at,
        );
        o.updates++;
      }
    }
    if (m % 3 === 0) {
      const escalationId = `${meetingId}-e`;
      const [raisedBy, concerning, subject] = [pick(PARTNERS), pick(PARTNERS), `Disagreement about ${pick(THEMES)}`];
      const escalation = generated.escalation(escalationId, {
        protocolId: 'wscp',
        raisedByAgency: raisedBy,
        concerningAgency: concerning,
        subject,
        acknowledgedBy: pick(PARTNERS),
      });
      await put(`escalation-${escalationId}`, escalation, at);
    }
    const pledgeId = `${meetingId}-p`;
    const partnerId = pick(PARTNERS);
    await put(
      `budget-${fy}`,
      [
        {
          type: 'contribution-pledged',
          data: { financialYear: fy, pledgeId, partnerId, amountPence: 250_000, basis: 'agreed' },
        },
        {
          type: 'payment-received',
          data: {
            financialYear: fy,
            paymentId: `${pledgeId}-pay`,
            partnerId,
            amountPence: 250_000,
            receivedOn: at.slice(0, 10),
            pledgeId,
          },
        },
      ],
      at,
    );
    await put(meeting, [{ type: 'meeting-closed', data: { meetingId } }], at);
    if (m % 100 === 0) process.stderr.write(`\rgenerated ${written} events`);
  }
  process.stderr.write('\n');
  return written;
}

const SCOPE: PackScope = {
  from: '2019-01-01',
  to: '2099-12-31',
  boardIds: [],
  partnerIds: [],
  themes: [],
  records: ['decisions', 'actions', 'escalations', 'funding'],
};

/** Full scope three ways, then a narrow scope (one board, one year) both ways, to show which grows with the pack and which with the log. */
const MODES = ['none', 'log-hashes', 'proofs', 'log-hashes narrow', 'proofs narrow'] as const;
type Mode = (typeof MODES)[number];
const NARROW: PackScope = {
  from: '2020-01-01',
  to: '2020-12-31',
  boardIds: ['wscp'],
  partnerIds: [],
  themes: [],
  records: ['decisions', 'actions', 'escalations', 'funding'],
};
const treeFileOf = (ledgerFile: string) => join(dirname(ledgerFile), 'log-tree.sqlite');
const digestFileOf = (ledgerFile: string) => join(dirname(ledgerFile), 'digest.json');

interface RunResult {
  mode: Mode;
  buildS: number;
  cpuS: number;
  phases: Record<string, number>;
  rssBeforeMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  verifyS: number;
  events: number;
  packMb: number;
  ok: boolean;
  files: Record<string, number>;
}

/** The tree as the service keeps it (the follower over its own file) and a signed digest of the head carrying it. */
async function treeAndDigest(ledgerFile: string): Promise<{ treeS: number; treeMb: number }> {
  const store = new SqliteEventStore({ file: ledgerFile }, new ManualClock());
  const treeStore = new LogTreeStore(treeFileOf(ledgerFile));
  const follower = new LogTreeFollower(store, treeStore);
  const t0 = performance.now();
  follower.start();
  const all = await store.readAll();
  const last = all.at(-1)!;
  const head = await follower.head(last.position);
  const treeS = (performance.now() - t0) / 1000;
  // Signed as the service signs: the log hash, the tree head and the stream heads (LogHeadDigester).
  const key = generateKeyPairSync('ed25519').privateKey;
  const digest = await new LogHeadDigester(
    store,
    new ManualClock(),
    { privateKey: key, publicKeyPem: '' },
    follower,
  ).sign();
  if (digest.position !== last.position || digest.treeRoot !== head.rootHash)
    throw new Error('The digest signed is not of the head the tree holds');
  writeFileSync(digestFileOf(ledgerFile), JSON.stringify(digest));
  await follower.stop();
  const treeMb = mbTenths(treeStore.sizeBytes());
  treeStore.close();
  await store.close();
  return { treeS, treeMb };
}

/** One build and verify, in a process of its own (see main), printing its figures as JSON. */
async function runOnce(ledgerFile: string, r: number, mode: Mode): Promise<void> {
  const store = new SqliteEventStore({ file: ledgerFile }, new ManualClock());
  const file = join(dirname(ledgerFile), `pack-${mode.replace(' ', '-')}-${r}.zip`);
  // The tree as the service has it: the follower over its own file, started (it checks the tail and then waits at the head).
  const way = mode.split(' ')[0] as 'none' | 'log-hashes' | 'proofs';
  const treeStore = way === 'proofs' ? new LogTreeStore(treeFileOf(ledgerFile)) : undefined;
  const tree = treeStore ? new LogTreeFollower(store, treeStore) : undefined;
  tree?.start();
  const digest = JSON.parse(readFileSync(digestFileOf(ledgerFile), 'utf8')) as SignedDigest;
  const proving: Partial<BuildPackRequest> =
    way === 'none' ? {} : { digestCovering: async () => digest, logTree: tree, logEvidence: way };
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const memory = new PeakMemory(20);
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // Time spent in each phase (the one the builder last reported), to see where a slow build goes.
  const phases: Record<string, number> = {};
  let phase = { name: 'start', at: t0 };
  const onProgress = ({ phase: name }: PackProgress) => {
    if (name === phase.name) return;
    const now = performance.now();
    phases[phase.name] = Number((((phases[phase.name] ?? 0) + now - phase.at) / 1000).toFixed(2));
    phase = { name, at: now };
  };
  const manifest = await buildPack(
    store,
    {
      packId: `bench-${r}`,
      scope: mode.endsWith('narrow') ? NARROW : SCOPE,
      requestedBy: { userId: 'hmi', role: 'inspector', agency: 'ofsted' },
      generatedAt: new Date().toISOString(),
      onProgress,
      ...proving,
    },
    createWriteStream(file),
  );
  const buildS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const peak = memory.now();
  memory.stop();
  await tree?.stop();
  treeStore?.close();
  await store.close();
  global.gc?.();
  t0 = performance.now();
  const verified = await verifyPack(file);
  const verifyS = (performance.now() - t0) / 1000;
  const result: RunResult = {
    mode,
    buildS,
    cpuS: (cpu.user + cpu.system) / 1e6,
    phases,
    rssBeforeMb: mb(rssBefore),
    peakRssMb: mb(peak.rss),
    peakHeapMb: mb(peak.heap),
    verifyS,
    events: verified.eventsChecked,
    packMb: mbTenths(statSync(file).size),
    ok:
      verified.ok &&
      manifest.positions.to !== null &&
      (way === 'none' ||
        manifest.files.some((f) => f.name === (way === 'proofs' ? 'log-proofs.ndjson' : 'log-hashes.txt'))),
    files: Object.fromEntries(manifest.files.map((f) => [f.name, mbTenths(f.bytes)])),
  };
  process.stderr.write(`mem ${JSON.stringify({ heapTotal: mb(peak.heapTotal), external: mb(peak.external) })}\n`);
  if (!verified.ok) process.stderr.write(`INVALID ${JSON.stringify(verified.problems.slice(0, 3))}\n`);
  process.stdout.write(JSON.stringify(result));
}

/**
 * Generates the ledger once, then builds and verifies RUNS times, each run in a fresh Node process
 * so its peak RSS is the build's own and not the generator's (or an earlier run's) leftover heap.
 */
async function main(): Promise<void> {
  const clock = new ManualClock(new Date('2020-01-01T09:00:00.000Z'));
  await inTempDir('packs-bench-', async (dir) => {
    const ledgerFile = join(dir, 'ledger.sqlite');
    const generator = new SqliteEventStore({ file: ledgerFile, synchronous: 'NORMAL' }, clock);
    const count = await generate(generator, clock);
    await generator.close();
    const tree = await treeAndDigest(ledgerFile);
    process.stderr.write(`log tree: ${tree.treeS.toFixed(2)} s to follow the log, ${tree.treeMb} MB file\n`);
    const loadBefore = loadAverages();
    const runs: RunResult[] = [];
    // Interleaved (none, log-hashes, proofs, none, ...) so the shared machine's load falls on every way alike.
    for (let r = 0; r < RUNS; r++) {
      for (const mode of MODES) {
        const out = execFileSync(process.execPath, ['--expose-gc', __filename, 'run', ledgerFile, String(r), mode], {
          stdio: ['ignore', 'pipe', 'inherit'],
        }).toString();
        const run = JSON.parse(out) as RunResult;
        runs.push(run);
        process.stderr.write(
          `run ${r + 1} ${mode}: build ${run.buildS.toFixed(2)} s (CPU ${run.cpuS.toFixed(2)} s) ${JSON.stringify(run.phases)}, RSS ${run.rssBeforeMb} MB before, peak ${run.peakRssMb} MB (heap ${run.peakHeapMb} MB), pack ${run.packMb} MB ${JSON.stringify(run.files)}, verify ${run.verifyS.toFixed(2)} s, ${run.ok ? 'valid' : 'INVALID'}\n`,
        );
      }
    }
    const { nproc, cpu, memoryBytes, node, date } = machine();
    const on = {
      nproc,
      cpu,
      memory: `${mb(memoryBytes)} MB`,
      free: execSync('free -h').toString().trim().split('\n')[1]?.replace(/\s+/g, ' '),
      node,
      date,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAverages(),
    };
    const byMode = Object.fromEntries(
      MODES.map((mode) => {
        const of = runs.filter((r) => r.mode === mode);
        const med = (f: (r: RunResult) => number) => Number(median(of.map(f)).toFixed(2));
        return [
          mode,
          {
            packEvents: of[0].events,
            packMb: of[0].packMb,
            files: of[0].files,
            buildMedianS: med((r) => r.buildS),
            cpuMedianS: med((r) => r.cpuS),
            peakRssMedianMb: med((r) => r.peakRssMb),
            peakHeapMedianMb: med((r) => r.peakHeapMb),
            verifyMedianS: med((r) => r.verifyS),
          },
        ];
      }),
    );
    console.log(
      JSON.stringify(
        {
          events: count,
          runsPerWay: RUNS,
          logTree: tree,
          allValid: runs.every((r) => r.ok),
          byMode,
          goals: { buildS: 10, peakRssMb: 300 },
          machine: on,
          runsDetail: runs,
        },
        null,
        2,
      ),
    );
  });
}

const [command, ledgerArg, runArg, modeArg] = process.argv.slice(2);
(command === 'run' ? runOnce(ledgerArg, Number(runArg), modeArg as Mode) : main()).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
