/**
 * Start-up at scale: the built service (SQLite, synchronous=FULL) started again and again on one data
 * directory holding a large ledger, timed from spawning the process to its "listening" line (wall,
 * and the process's own CPU time to then), then its first /health asked for every projection's lag
 * (0: nothing to catch up, the read side was at the head when it began answering).
 *   KEEP_LEDGER=<dir> EVENTS=1000000 npm run bench:projections    (once: generates <dir>/ledger.sqlite)
 *   npm run bench:startup -- <dir>                                 (STARTS=5 rounds)
 *   TARGETS=bundle,unbundled npm run bench:startup -- <dir>        (both builds, interleaved)
 * Targets (scripts/bundle-service.js):
 *   bundle           dist/service.js, what `npm start` runs: the one-file bundle with its V8 code cache
 *   bundle-cold      the same with its cache deleted first (the start that writes it again)
 *   bundle-uncached  node dist/service.bundle.js: the bundle compiled by Node, no cache
 *   unbundled        node dist/src/main.js: tsc's output, ~2,000 module files
 *   baseline         BASELINE=<another tree> (built): its dist/service.js, as `npm start` runs it there;
 *                    the figures then add bundle / baseline, the median of the per-round ratios
 * With several, each round starts each once, the order rotating every round, so a change in the
 * machine's load falls on all of them alike.
 * A first, untimed start brings the directory to rest (the ledger verified once in full, the log
 * tree and read models caught up, the verified point persisted), as any running service leaves it;
 * then one untimed start of every other target, so each timed start finds its files in the page cache.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { cpuMs, startService, stopService } from './http-service';
import { machine, loadAverages } from './support/machine';
import { projectUnderLoad } from './support/project-under-load';
import { envNumber, median } from './support/stats';

const ROUNDS = envNumber('STARTS', 5);
const root = join(__dirname, '..', '..');

/** What each target runs, relative to dist/. */
const SCRIPTS: Record<string, string> = {
  bundle: 'service.js',
  'bundle-cold': 'service.js',
  'bundle-uncached': 'service.bundle.js',
  unbundled: 'src/main.js',
  baseline: 'service.js',
};
const CODE_CACHE = join(root, 'dist', 'service.bundle.v8cache');
/** Another tree, built, to start in turn with this one (the `baseline` target). */
const BASELINE = process.env.BASELINE;
/** The tree a target runs from: the baseline's, or this one. */
const rootOf = (target: string): string => (target === 'baseline' ? BASELINE! : root);

interface Health {
  status?: string;
  parts?: { projections?: Record<string, { lag: { behind: number } | null }> };
}

interface Start {
  target: string;
  round: number;
  seconds: number;
  cpu: number;
  /** The largest projection lag on its first /health. */
  lag: number;
}

/** Each projection's lag as the service's /health reports it (Infinity: not reported). */
async function lags(url: string): Promise<number[]> {
  const body = (await (await fetch(`${url}/health`)).json()) as Health;
  return Object.values(body.parts?.projections ?? {}).map((p) => p.lag?.behind ?? Infinity);
}

function targets(): string[] {
  const named = (process.env.TARGETS ?? 'bundle').split(',').map((t) => t.trim());
  for (const t of named) {
    if (!(t in SCRIPTS)) throw new Error(`TARGETS: unknown target "${t}" (known: ${Object.keys(SCRIPTS).join(', ')})`);
    if (t === 'baseline' && !BASELINE) throw new Error('TARGETS: baseline needs BASELINE=<another tree, built>');
    const script = join(rootOf(t), 'dist', SCRIPTS[t]);
    if (!existsSync(script)) throw new Error(`${script} is missing: npm run build there`);
  }
  return named;
}

/** One timed start of a target: spawn to "listening", its CPU to then, and its first /health. */
async function timedStart(env: Record<string, string>, target: string, round: number): Promise<Start> {
  if (target === 'bundle-cold') rmSync(CODE_CACHE, { force: true });
  const t0 = performance.now();
  const service = await startService(env, rootOf(target), SCRIPTS[target]);
  const seconds = (performance.now() - t0) / 1000;
  // The process's own CPU time to listening: on a shared machine the wall time is mostly waiting for a core.
  const cpu = cpuMs(service.child.pid!) / 1000;
  const lag = Math.max(...(await lags(service.url)));
  await stopService(service);
  return { target, round, seconds, cpu, lag };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || !existsSync(join(dir, 'ledger.sqlite')))
    throw new Error(
      'Usage: npm run bench:startup -- <dir holding ledger.sqlite, from KEEP_LEDGER=<dir> bench:projections>',
    );
  const names = targets();
  const { env } = await projectUnderLoad(dir);
  const loadBefore = loadAverages();

  // Untimed: whatever the directory lacks (a first full verification, a log tree, read models) is made now.
  const t0 = performance.now();
  const first = await startService(env, rootOf(names[0]), SCRIPTS[names[0]], 3_600_000);
  for (let i = 0; (await lags(first.url)).some((b) => b > 0); i++) {
    if (i > 36_000) throw new Error('read models did not catch up within an hour');
    await new Promise((r) => setTimeout(r, 100));
  }
  const settle = (performance.now() - t0) / 1000;
  await stopService(first);
  for (const name of names.slice(1)) await stopService(await startService(env, rootOf(name), SCRIPTS[name]));

  const starts: Start[] = [];
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (let k = 0; k < names.length; k++) {
      loads.push(loadavg()[0]);
      starts.push(await timedStart(env, names[(round + k) % names.length], round + 1));
    }

  const on = machine();
  const events = process.env.EVENTS_LABEL ?? 'the ledger in ' + dir;
  console.log(
    `Machine: ${on.cpu}, nproc ${on.nproc}, ${(on.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${on.node}, ${on.date}`,
  );
  console.log(
    `Load average (1 min) ${loadBefore.split(' ')[0]} before; during the timed starts ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}; ${loadAverages()} after`,
  );
  console.log(`First start (settling the directory, untimed in the figures): ${settle.toFixed(1)} s`);
  for (const s of starts)
    console.log(
      `round ${s.round} ${s.target}: listening after ${s.seconds.toFixed(3)} s (${s.cpu.toFixed(2)} s of CPU); projection lag on its first /health: max ${s.lag}`,
    );
  console.log(`Medians of ${ROUNDS} rounds over ${events}:`);
  for (const name of names) {
    const mine = starts.filter((s) => s.target === name);
    console.log(
      `  ${name.padEnd(15)} (${name === 'baseline' ? BASELINE + '/' : ''}dist/${SCRIPTS[name]}): ${median(mine.map((s) => s.seconds)).toFixed(3)} s to listening, ${median(mine.map((s) => s.cpu)).toFixed(2)} s of CPU, lag on first /health median ${median(mine.map((s) => s.lag))} (max ${Math.max(...mine.map((s) => s.lag))})`,
    );
  }
  if (names.includes('bundle') && names.includes('baseline')) {
    const of = (name: string, round: number) => starts.find((s) => s.target === name && s.round === round)!;
    const rounds = [...Array(ROUNDS).keys()].map((r) => r + 1);
    const ratio = (pick: (s: Start) => number) =>
      median(rounds.map((r) => pick(of('bundle', r)) / pick(of('baseline', r)))).toFixed(3);
    console.log(
      `  bundle / baseline, median of per-round ratios: ${ratio((s) => s.seconds)} of the time to listening, ${ratio((s) => s.cpu)} of the CPU`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
