/**
 * `npm run bench:http -- --side-by-side`: the project against two peers doing the same work over
 * HTTP on loopback, all three started as child processes on fresh data directories:
 *   project  node dist/src/main.js (SQLite ledger, synchronous=FULL, auth, read models)
 *   emmett   bench/peers/emmett (Fastify + Emmett 0.42's SQLite event store, inline projection)
 *   floor    bench/peers/floor (bare Fastify + better-sqlite3, WAL + synchronous=FULL)
 * Each is seeded with the same SEED actions (the same POST /actions bodies). Then, each round, for
 * each phase, each system is loaded for SECONDS by autocannon (CONNECTIONS connections), the systems'
 * order rotated every round, so a burst of someone else's load on the shared machine lands on all
 * three rather than on one:
 *   progress  POST /actions/:id/progress, cycling over the seeded actions (a durable command)
 *   list      GET /action-log?limit=50
 * Figures are medians over ROUNDS rounds: answers/s (2xx only), p50/p99, the server process's CPU
 * per request (/proc/<pid>/stat, so the load generator is not counted), and the ratios of the
 * project's median answers/s to Emmett's and to the floor's. A benchmark, not a test.
 *
 * BASELINE=<dir> adds a fourth system, `baseline`: the project as built in another tree (its
 * dist/src/main.js, e.g. a copy of an earlier commit's build), seeded and loaded in the same
 * rotation, so a change's before and after are measured interleaved in one run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, freePort, startService, stopService, type Service } from './http-service';
import { loadAverages, machine } from './support/machine';
import { autocannon, projectUnderLoad, type AutocannonRequest as Request } from './support/project-under-load';
import { loadFigures, medianCells, roundFigures, type LoadFigures } from './support/load-figures';
import { envNumber as num, median } from './support/stats';

interface System {
  name: string;
  service: Service;
  token?: string;
}

const ROUNDS = num('ROUNDS', 5);
const SECONDS = num('SECONDS', 5);
const CONNECTIONS = num('CONNECTIONS', 10);
const SEED = num('SEED', 500);
const BASELINE = process.env.BASELINE;
const PROJECTS = new Set(['project', 'baseline']);

const raiseBody = (i: number) => ({
  actionId: `bench-${String(i).padStart(5, '0')}`,
  meetingId: 'bench-m1',
  itemNumber: 1,
  text: 'Bench action: write to every partner about the audit findings',
  owners: [{ kind: 'team', name: 'Bench team' }],
  dueDate: i % 2 === 0 ? '2020-06-01' : '2030-06-01',
});

async function post(system: System, path: string, body: object, token = system.token): Promise<void> {
  const res = await fetch(system.service.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${system.name} ${path}: ${res.status} ${await res.text()}`);
}

async function load(system: System, phase: 'progress' | 'list', ids: string[]): Promise<LoadFigures> {
  let next = 0;
  const setup =
    phase === 'progress'
      ? (r: Request) => ({
          ...r,
          path: `/actions/${ids[next++ % ids.length]}/progress`,
          body: '{"note":"Bench progress"}',
        })
      : (r: Request) => ({ ...r, path: '/action-log?limit=50' });
  const pid = system.service.child.pid!;
  const cpu0 = cpuMs(pid);
  const r = await autocannon({
    url: system.service.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: {
      'content-type': 'application/json',
      ...(system.token ? { authorization: `Bearer ${system.token}` } : {}),
    },
    requests: [{ method: phase === 'progress' ? 'POST' : 'GET', setupRequest: setup }],
  });
  return loadFigures(r, cpuMs(pid) - cpu0);
}

export async function sideBySide(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const names = ['project', 'emmett', 'floor', ...(BASELINE ? ['baseline'] : [])];
  const dirs = names.map((n) => mkdtempSync(join(tmpdir(), `bench-http-${n}-`)));
  const { env, admin, manager } = await projectUnderLoad(dirs[0]);
  const baseline = BASELINE ? await projectUnderLoad(dirs[3]) : undefined;
  const admins = new Map([['project', admin]]);
  const loadBefore = loadAverages();
  const systems: System[] = [];
  try {
    systems.push({ name: 'project', service: await startService(env, root), token: manager });
    for (const [i, name] of [
      [1, 'emmett'],
      [2, 'floor'],
    ] as const) {
      const peerEnv = { DATA_DIR: dirs[i], PORT: String(await freePort()) };
      systems.push({ name, service: await startService(peerEnv, root, `bench/peers/${name}/main.js`) });
    }
    if (baseline && BASELINE) {
      systems.push({ name: 'baseline', service: await startService(baseline.env, BASELINE), token: baseline.manager });
      admins.set('baseline', baseline.admin);
    }
    for (const project of systems.filter((s) => PROJECTS.has(s.name))) {
      const admin = admins.get(project.name);
      await post(project, '/partners', { partnerId: 'bench-police', name: 'Bench Police', kind: 'police' }, admin);
      await post(project, '/boards', { boardId: 'bench', name: 'Bench Board', kind: 'executive-board' }, admin);
      const meeting = { meetingId: 'bench-m1', boardId: 'bench', scheduledFor: '2022-05-10T10:00:00Z' };
      await post(project, '/meetings', meeting);
      await post(project, '/meetings/bench-m1/agenda-items', { itemNumber: 1, title: 'Actions' });
    }
    const ids: string[] = [];
    for (let i = 0; i < SEED; i++) {
      const body = raiseBody(i);
      ids.push(body.actionId);
      await Promise.all(systems.map((s) => post(s, '/actions', body)));
    }
    // The project's read model is eventually consistent: wait until its list shows the last seeded action.
    for (const project of systems.filter((s) => PROJECTS.has(s.name))) {
      for (let tries = 0; tries < 600; tries++) {
        const res = await fetch(`${project.service.url}/action-log/${ids[ids.length - 1]}`, {
          headers: { authorization: `Bearer ${project.token}` },
        });
        if (res.ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    const results: Record<string, Record<string, LoadFigures[]>> = { progress: {}, list: {} };
    for (let round = 0; round < ROUNDS; round++) {
      const order = systems.map((_, i) => systems[(i + round) % systems.length]);
      for (const phase of ['progress', 'list'] as const) {
        for (const system of order) {
          const f = await load(system, phase, ids);
          (results[phase][system.name] ??= []).push(f);
          console.error(`round ${round + 1} ${phase} ${system.name}: ${roundFigures(f, 'request')}`);
        }
      }
    }

    const on = machine();
    console.log(
      `\nMachine: ${on.cpu}, nproc ${on.nproc}, ${(on.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${on.node}, ${on.date}, load average ${loadBefore} before, ${loadAverages()} after`,
    );
    console.log(
      `Setup: ${ROUNDS} interleaved rounds x 2 phases x ${systems.length} systems x ${SECONDS} s, ${CONNECTIONS} connections, ${SEED} actions seeded in each, synchronous=FULL everywhere\n`,
    );
    console.log('| phase | system | answers/s | p50 ms | p99 ms | server CPU us/request | not 2xx |');
    console.log('|---|---|---:|---:|---:|---:|---:|');
    const rate = (phase: string, name: string) => median(results[phase][name].map((f) => f.rate));
    for (const phase of ['progress', 'list']) {
      for (const name of names) {
        console.log(`| ${phase} | ${name} | ${medianCells(results[phase][name])} |`);
      }
    }
    console.log('\n| phase | project / Emmett (answers/s) | project / floor (answers/s) |');
    console.log('|---|---:|---:|');
    for (const phase of ['progress', 'list']) {
      const p = rate(phase, 'project');
      console.log(
        `| ${phase} | ${(p / rate(phase, 'emmett')).toFixed(2)} | ${(p / rate(phase, 'floor')).toFixed(2)} |`,
      );
    }
    if (BASELINE) {
      // Per round, since the two builds ran beside each other in it: the steadiest comparison on a shared machine.
      const perRound = (phase: string, pick: (f: LoadFigures) => number) =>
        results[phase].project.map((f, i) => pick(f) / pick(results[phase].baseline[i]));
      console.log(
        `\n| phase | project / baseline (${BASELINE}), median of per-round ratios: answers/s | CPU per request |`,
      );
      console.log('|---|---:|---:|');
      for (const phase of ['progress', 'list'])
        console.log(
          `| ${phase} | ${median(perRound(phase, (f) => f.rate)).toFixed(2)} | ${median(perRound(phase, (f) => f.cpuUs)).toFixed(2)} |`,
        );
    }
  } finally {
    for (const s of systems) await stopService(s.service);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
