/**
 * Start-up at scale: the built service (node dist/src/main.js, SQLite, synchronous=FULL) started
 * again and again on one data directory holding a large ledger, timed from spawning the process to
 * its "listening" line, then its first /health asked for every projection's lag (0: nothing to
 * catch up, the read side was at the head when it began answering).
 *   KEEP_LEDGER=<dir> EVENTS=1000000 npm run bench:projections    (once: generates <dir>/ledger.sqlite)
 *   npm run bench:startup -- <dir>                                 (STARTS=5 to choose how many)
 * A first, untimed start brings the directory to rest (the ledger verified once in full, the log
 * tree and read models caught up, the verified point persisted), as any running service leaves it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuMs, startService, stopService } from './http-service';
import { machine, loadAverages } from './support/machine';
import { projectUnderLoad } from './support/project-under-load';
import { envNumber, median } from './support/stats';

const STARTS = envNumber('STARTS', 5);
const root = join(__dirname, '..', '..');

interface Health {
  status?: string;
  parts?: { projections?: Record<string, { lag: { behind: number } | null }> };
}

/** Each projection's lag as the service's /health reports it (Infinity: not reported). */
async function lags(url: string): Promise<number[]> {
  const body = (await (await fetch(`${url}/health`)).json()) as Health;
  return Object.values(body.parts?.projections ?? {}).map((p) => p.lag?.behind ?? Infinity);
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || !existsSync(join(dir, 'ledger.sqlite')))
    throw new Error(
      'Usage: npm run bench:startup -- <dir holding ledger.sqlite, from KEEP_LEDGER=<dir> bench:projections>',
    );
  const { env } = await projectUnderLoad(dir);
  const loadBefore = loadAverages();

  // Untimed: whatever the directory lacks (a first full verification, a log tree, read models) is made now.
  let t0 = performance.now();
  const first = await startService(env, root, undefined, 3_600_000);
  for (let i = 0; (await lags(first.url)).some((b) => b > 0); i++) {
    if (i > 36_000) throw new Error('read models did not catch up within an hour');
    await new Promise((r) => setTimeout(r, 100));
  }
  const settle = (performance.now() - t0) / 1000;
  await stopService(first);

  const starts: { seconds: number; cpu: number; lag: number[] }[] = [];
  for (let s = 0; s < STARTS; s++) {
    t0 = performance.now();
    const service = await startService(env, root);
    const seconds = (performance.now() - t0) / 1000;
    // The process's own CPU time to listening: on a shared machine the wall time is mostly waiting for a core.
    const cpu = cpuMs(service.child.pid!) / 1000;
    starts.push({ seconds, cpu, lag: await lags(service.url) });
    await stopService(service);
  }
  const on = machine();
  const events = process.env.EVENTS_LABEL ?? 'the ledger in ' + dir;
  console.log(
    `Machine: ${on.cpu} x ${on.cores} cores, ${(on.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${on.node}, load average ${loadBefore} before, ${loadAverages()} after`,
  );
  console.log(`First start (settling the directory, untimed in the figures): ${settle.toFixed(1)} s`);
  for (const [i, s] of starts.entries())
    console.log(
      `start ${i + 1}: listening after ${s.seconds.toFixed(3)} s (${s.cpu.toFixed(2)} s of CPU); projection lag on its first /health: max ${Math.max(...s.lag)}`,
    );
  console.log(
    `Median of ${STARTS} starts over ${events}: ${median(starts.map((s) => s.seconds)).toFixed(3)} s to listening (${median(starts.map((s) => s.cpu)).toFixed(2)} s of CPU), lag 0 on every first /health: ${starts.every((s) => s.lag.every((b) => b === 0))}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
