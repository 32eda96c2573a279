/**
 * `npm run bench:http -- --instances`: the cost of shared state per command, one instance against
 * two. Three systems, each on its own EventStoreDB protocol fake (test support, run with a throwaway
 * PostgreSQL 15 in one child process: test/support/shared-backends-process.ts) and each instance
 * `node dist/src/main.js` in its own process:
 *   one, embedded       one instance, SHARED_STATE=embedded (idempotency records in its data directory)
 *   one, PostgreSQL     one instance, SHARED_STATE=postgres
 *   two, PostgreSQL     two instances sharing that PostgreSQL and one ledger; autocannon's connections
 *                       alternate between them (connection i goes to instance i mod 2: a round robin)
 * The workload is the command `POST /actions/:id/progress`, each request with its own Idempotency-Key
 * (the shared-state path a command takes), cycling over SEED seeded actions. Each round loads each
 * system for SECONDS with CONNECTIONS connections, the order rotated every round; figures are
 * medians over ROUNDS: answers/s, p50/p99, and the instances' CPU per command (summed over the
 * system's instances; the backends' process and PostgreSQL are not counted).
 * Correctness first: PROBE commands per system, each sent to one instance and retried with its key on
 * the next; every retry must be answered as a replay with the same JSON body (same log position:
 * not written again); byte-for-byte equality is counted apart (PostgreSQL's jsonb orders keys its way). On 2 cores two instances cannot be faster than one; the point is the overhead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { cpuMs, startService, stopService, type Service } from './http-service';
import { loadAverages, machine } from './support/machine';
import { autocannon, projectUnderLoad, type AutocannonRequest as Request } from './support/project-under-load';
import { loadFigures, medianCells, roundFigures, type LoadFigures } from './support/load-figures';
import { envNumber as num, median } from './support/stats';

const ROUNDS = num('ROUNDS', 5);
const SECONDS = num('SECONDS', 5);
const CONNECTIONS = num('CONNECTIONS', 10);
const SEED = num('SEED', 200);
const PROBE = num('PROBE', 50);

interface System {
  name: string;
  services: Service[];
}

/** The PostgreSQL and ledgers the systems use, in a child process of their own. */
async function startBackends(root: string, ledgers: number) {
  const code = `require('./test/read-models/support/swc-register'); require('./test/support/shared-backends-process.ts')`;
  const child: ChildProcess = spawn(process.execPath, ['-e', code], {
    cwd: root,
    env: { ...process.env, BACKENDS_LEDGERS: String(ledgers) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the backends process exited (${code}) before starting`)));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
  });
  child.removeAllListeners('exit');
  const started = JSON.parse(line) as { postgres: string; ledgers: string[] };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin!.end(); // it stops its PostgreSQL and ledgers when its input closes
    });
  return { ...started, stop };
}

export async function instancesSideBySide(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const dirs = [0, 1, 2, 3].map((i) => mkdtempSync(join(tmpdir(), `bench-instances-${i}-`)));
  const { env: base, admin, manager } = await projectUnderLoad(dirs[0]);
  for (const dir of dirs.slice(1)) cpSync(join(dirs[0], 'dev-auth'), join(dir, 'dev-auth'), { recursive: true });
  const backends = await startBackends(root, 3);
  const loadBefore = loadAverages();
  const systems: System[] = [];
  const headers = (token: string, key?: string) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
    ...(key ? { 'idempotency-key': key } : {}),
  });
  const post = async (s: Service, path: string, body: object, token: string, key?: string) => {
    const res = await fetch(s.url + path, { method: 'POST', headers: headers(token, key), body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return { text, replay: res.headers.get('idempotent-replay') === 'true' };
  };
  try {
    const instance = async (dir: string, ledger: string, shared: boolean) =>
      startService(
        {
          ...base,
          PORT: '0',
          LEDGER_DATA_DIR: dir,
          LEDGER_STORE: 'esdb',
          ESDB_CONNECTION_STRING: ledger,
          ...(shared ? { SHARED_STATE: 'postgres', DATABASE_URL: backends.postgres } : {}),
        },
        root,
      );
    systems.push({ name: 'one, embedded', services: [await instance(dirs[0], backends.ledgers[0], false)] });
    systems.push({ name: 'one, PostgreSQL', services: [await instance(dirs[1], backends.ledgers[1], true)] });
    const two = [
      await instance(dirs[2], backends.ledgers[2], true),
      await instance(dirs[3], backends.ledgers[2], true),
    ];
    systems.push({ name: 'two, PostgreSQL', services: two });

    const ids = Array.from({ length: SEED }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
    const probes: string[] = [];
    for (const { name, services } of systems) {
      const [first] = services;
      await post(first, '/partners', { partnerId: 'bench-police', name: 'Bench Police', kind: 'police' }, admin);
      await post(first, '/boards', { boardId: 'bench', name: 'Bench Board', kind: 'executive-board' }, admin);
      const meeting = { meetingId: 'bench-m1', boardId: 'bench', scheduledFor: '2022-05-10T10:00:00Z' };
      await post(first, '/meetings', meeting, manager);
      await post(first, '/meetings/bench-m1/agenda-items', { itemNumber: 1, title: 'Actions' }, manager);
      for (const actionId of ids) {
        const owners = [{ kind: 'team', name: 'Bench team' }];
        const action = {
          actionId,
          meetingId: 'bench-m1',
          itemNumber: 1,
          text: 'Bench action',
          owners,
          dueDate: '2030-06-01',
        };
        await post(first, '/actions', action, manager);
      }
      // Correctness: each probe answered by one instance, retried on the next, replayed alike.
      let replayed = 0;
      let sameBytes = 0;
      for (let i = 0; i < PROBE; i++) {
        const [a, b] = [services[i % services.length], services[(i + 1) % services.length]];
        const key = `probe-${name.replace(/\W+/g, '-')}-${i}`;
        const path = `/actions/${ids[i % ids.length]}/progress`;
        const answer = await post(a, path, { note: 'Probe' }, manager, key);
        const retry = await post(b, path, { note: 'Probe' }, manager, key);
        if (retry.replay && isDeepStrictEqual(JSON.parse(retry.text), JSON.parse(answer.text))) replayed++;
        if (retry.text === answer.text) sameBytes++;
      }
      probes.push(
        `${name}: ${replayed}/${PROBE} retries replayed with the first answer (${sameBytes}/${PROBE} byte for byte)`,
      );
    }

    let next = 0;
    const load = async (system: System): Promise<LoadFigures> => {
      const pids = system.services.map((s) => s.child.pid!);
      const cpu0 = pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
      const setup = (r: Request) => ({
        ...r,
        path: `/actions/${ids[next % ids.length]}/progress`,
        headers: headers(manager, `load-${next++}`),
        body: '{"note":"Bench progress"}',
      });
      const r = await autocannon({
        url: system.services.map((s) => s.url),
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [{ method: 'POST', setupRequest: setup }],
      });
      return loadFigures(r, pids.reduce((sum, pid) => sum + cpuMs(pid), 0) - cpu0);
    };
    const results: Record<string, LoadFigures[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const system of systems.map((_, i) => systems[(i + round) % systems.length])) {
        const f = await load(system);
        (results[system.name] ??= []).push(f);
        console.error(`round ${round + 1} ${system.name}: ${roundFigures(f, 'command')}`);
      }
    }

    const on = machine();
    console.log(
      `\nMachine: ${on.cpu}, nproc ${on.nproc}, ${(on.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${on.node}, ${on.date}, load average ${loadBefore} before, ${loadAverages()} after`,
    );
    console.log(
      `Setup: ${ROUNDS} interleaved rounds x 3 systems x ${SECONDS} s, ${CONNECTIONS} connections, POST /actions/:id/progress with an Idempotency-Key each, ${SEED} actions, EventStoreDB protocol fake per system\n`,
    );
    for (const line of probes) console.log(`Correctness: ${line}`);
    console.log('\n| system | commands/s | p50 ms | p99 ms | instances CPU us/command | not 2xx |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, fs] of Object.entries(results)) console.log(`| ${name} | ${medianCells(fs)} |`);
    const cpu = (name: string) => median(results[name].map((f) => f.cpuUs));
    console.log(
      `\nShared state per command (instances' CPU): PostgreSQL vs embedded ${(cpu('one, PostgreSQL') - cpu('one, embedded')).toFixed(0)} us; two instances vs one on PostgreSQL ${(cpu('two, PostgreSQL') - cpu('one, PostgreSQL')).toFixed(0)} us`,
    );
  } finally {
    for (const s of systems) for (const service of s.services) await stopService(service);
    await backends.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
