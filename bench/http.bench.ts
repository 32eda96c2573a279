/**
 * The whole service over HTTP on loopback: `node dist/src/main.js` in a child process (embedded
 * SQLite, synchronous=FULL: every command is fsynced before its answer), driven by autocannon.
 *   npm run bench:http        (ROUNDS, SECONDS, CONNECTIONS env vars resize it)
 * Each round runs four phases of SECONDS each, in this order, so a burst of someone else's load on
 * the shared machine lands on every kind rather than on one; the figures are medians over rounds:
 *   raise     POST /actions, each a new action (a new stream): a durable command
 *   progress  POST /actions/:id/progress, cycling over the actions raised (distinct streams)
 *   list      GET /action-log?limit=50
 *   one       GET /action-log/:id, cycling over the actions raised
 * For each: answers/s (2xx only), p50 and p99 latency, and the service's CPU time per request (from
 * /proc/<pid>/stat, so the load generator's own CPU is not counted). Then the service's CPU over
 * IDLE seconds with no requests (it must be ~0: idle subscriptions cost nothing), and before the load.
 * A benchmark, not a test: it asserts nothing and prints figures for BENCHMARKS.md.
 *   npm run bench:http -- --side-by-side   the project against an Emmett app and a bare Fastify floor
 *                                          doing the same work (bench/http-side-by-side.ts)
 *   npm run bench:http -- --instances      one instance against two sharing PostgreSQL: the overhead
 *                                          of shared state per command (bench/http-instances.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, startService, stopService } from './http-service';
import { instancesSideBySide } from './http-instances';
import { sideBySide } from './http-side-by-side';
import { loadAverages, machine } from './support/machine';
import { autocannon, projectUnderLoad, type AutocannonRequest as Request } from './support/project-under-load';
import { envNumber as num, median } from './support/stats';

const ROUNDS = num('ROUNDS', 3);
const SECONDS = num('SECONDS', 5);
const CONNECTIONS = num('CONNECTIONS', 8);
const IDLE = num('IDLE', 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const { env, admin, manager } = await projectUnderLoad(dataDir);
  const loadBefore = loadAverages();
  const service = await startService(env, root);
  const pid = service.child.pid!;
  try {
    const post = async (path: string, body: object, token = admin) => {
      const res = await fetch(service.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    await post('/partners', { partnerId: 'bench-police', name: 'Bench Police', kind: 'police' });
    await post('/boards', { boardId: 'bench', name: 'Bench Board', kind: 'executive-board' });
    await post('/meetings', { meetingId: 'bench-m1', boardId: 'bench', scheduledFor: '2022-05-10T10:00:00Z' }, manager);
    await post('/meetings/bench-m1/agenda-items', { itemNumber: 1, title: 'Actions' }, manager);

    const cpuBefore = cpuMs(pid);
    await sleep(5000);
    const idleBefore = (cpuMs(pid) - cpuBefore) / 5000;

    const raised: string[] = [];
    let next = 0;
    const raiseBody = (actionId: string) =>
      JSON.stringify({
        actionId,
        meetingId: 'bench-m1',
        itemNumber: 1,
        text: 'Bench action',
        owners: [{ kind: 'team', name: 'Bench team' }],
        dueDate: '2030-06-01',
      });
    const phases: Record<string, { method: string; setup: (r: Request) => Request }> = {
      raise: {
        method: 'POST',
        setup: (r) => {
          const id = `bench-${next++}`;
          raised.push(id);
          return { ...r, path: '/actions', body: raiseBody(id) };
        },
      },
      progress: {
        method: 'POST',
        setup: (r) => ({
          ...r,
          path: `/actions/${raised[next++ % raised.length]}/progress`,
          body: '{"note":"Bench progress"}',
        }),
      },
      list: { method: 'GET', setup: (r) => ({ ...r, path: '/action-log?limit=50' }) },
      one: { method: 'GET', setup: (r) => ({ ...r, path: `/action-log/${raised[next++ % raised.length]}` }) },
    };
    const results: Record<string, { rate: number; p50: number; p99: number; cpu: number; failed: number }[]> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, phase] of Object.entries(phases)) {
        const cpu0 = cpuMs(pid);
        const r = await autocannon({
          url: service.url,
          connections: CONNECTIONS,
          duration: SECONDS,
          maxOverallRequests: 200_000,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
          requests: [{ method: phase.method, setupRequest: phase.setup }],
        });
        const cpu = cpuMs(pid) - cpu0;
        const answered = r['2xx'] + r.non2xx;
        (results[name] ??= []).push({
          rate: r['2xx'] / r.duration,
          p50: r.latency.p50,
          p99: r.latency.p99,
          cpu: cpu / Math.max(1, answered),
          failed: r.non2xx + r.errors + r.timeouts,
        });
        console.error(
          `round ${round} ${name}: ${(r['2xx'] / r.duration).toFixed(0)}/s p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms, ${(cpu / Math.max(1, answered)).toFixed(2)} ms CPU/request, ${r.non2xx} non-2xx, ${r.errors} errors`,
        );
      }
    }

    await sleep(3000); // projections catch up on the last writes before idle is measured
    const cpuIdle0 = cpuMs(pid);
    await sleep(IDLE * 1000);
    const idleAfter = (cpuMs(pid) - cpuIdle0) / (IDLE * 1000);
    const health = await fetch(`${service.url}/health`).then((r) => r.status);

    const on = machine();
    console.log(
      `\nMachine: ${on.cpu} x ${on.cores} cores, ${(on.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${on.node}, load average ${loadBefore} before, ${loadAverages()} after`,
    );
    console.log(
      `Setup: ${ROUNDS} rounds x 4 phases x ${SECONDS} s, ${CONNECTIONS} connections, SQLite synchronous=FULL, ${raised.length} actions raised\n`,
    );
    console.log('| phase | answers/s | p50 ms | p99 ms | service CPU ms/request | not 2xx |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, rs] of Object.entries(results)) {
      console.log(
        `| ${name} | ${median(rs.map((r) => r.rate)).toFixed(0)} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} | ${median(rs.map((r) => r.cpu)).toFixed(2)} | ${rs.reduce((a, r) => a + r.failed, 0)} |`,
      );
    }
    console.log(
      `\nIdle service CPU: ${(idleBefore * 100).toFixed(2)}% of a core before the load (5 s), ${(idleAfter * 100).toFixed(2)}% over ${IDLE} s after it; /health ${health}`,
    );
  } finally {
    await stopService(service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mode = process.argv.includes('--side-by-side')
  ? sideBySide
  : process.argv.includes('--instances')
    ? instancesSideBySide
    : main;
mode().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
