/**
 * What the service costs when nobody asks anything, and how fast it is back after a restart:
 *   npm run bench:idle        (COMMANDS, CONNECTIONS, IDLE env vars resize it)
 * 1. starts `node dist/src/main.js` (embedded SQLite, synchronous=FULL) on an empty data directory;
 * 2. sends COMMANDS durable commands (POST /actions/:id/progress over 100 actions) at CONNECTIONS;
 * 3. waits until /health shows every projection at the head of the log, then reads the service's
 *    CPU time (from /proc, so the load generator is not counted) over IDLE seconds of silence (the
 *    goal's window), and on over the QUIET seconds since the window opened: V8's memory reducer
 *    collects the heap once, some 30-40 s after a burst, at or just past the window's end, so the
 *    longer figure always holds that collection; with the service's RSS at each end;
 * 4. stops it and starts it again on the same directory: start-up to listening, and the lag of
 *    every projection on the first /health answer (0: nothing to catch up).
 * A benchmark, not a test: it asserts nothing and prints figures for BENCHMARKS.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuMs, rssMb, startService, stopService, type Service } from './http-service';
import { autocannon, projectUnderLoad } from './support/project-under-load';
import { loadAverages, machine } from './support/machine';
import { envNumber as num } from './support/stats';

const COMMANDS = num('COMMANDS', 10_000);
const CONNECTIONS = num('CONNECTIONS', 10);
const IDLE = num('IDLE', 30);
const QUIET = Math.max(IDLE, num('QUIET', 90));
const ACTIONS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Lag {
  behind: number;
}
/** Each projection's lag (events behind the head) as /health reports it. */
async function lags(url: string): Promise<number[]> {
  const body = (await (await fetch(`${url}/health`)).json()) as {
    parts?: { projections?: Record<string, { lag: Lag | null }> };
  };
  return Object.values(body.parts?.projections ?? {}).map((p) => p.lag?.behind ?? Infinity);
}

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-idle-'));
  const { env, admin, manager } = await projectUnderLoad(dataDir);
  const loadBefore = loadAverages();
  let service: Service | undefined = await startService(env, root);
  try {
    const post = async (path: string, body: object, token = manager) => {
      const res = await fetch(service!.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    await post('/boards', { boardId: 'bench', name: 'Bench Board', kind: 'executive-board' }, admin);
    await post('/meetings', { meetingId: 'bench-m1', boardId: 'bench', scheduledFor: '2022-05-10T10:00:00Z' });
    await post('/meetings/bench-m1/agenda-items', { itemNumber: 1, title: 'Actions' });
    const owners = [{ kind: 'team', name: 'Bench team' }];
    for (let i = 0; i < ACTIONS; i++)
      await post('/actions', {
        actionId: `bench-${i}`,
        meetingId: 'bench-m1',
        itemNumber: 1,
        text: 'Bench action',
        owners,
        dueDate: '2030-06-01',
      });
    let next = 0;
    const load = await autocannon({
      url: service.url,
      connections: CONNECTIONS,
      amount: COMMANDS,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
      requests: [
        {
          method: 'POST',
          setupRequest: (r: object) => ({
            ...r,
            path: `/actions/bench-${next++ % ACTIONS}/progress`,
            body: '{"note":"Bench progress"}',
          }),
        },
      ],
    });
    for (let i = 0; i < 600 && (await lags(service.url)).some((b) => b > 0); i++) await sleep(100);
    await sleep(1000); // the last commits' timers (batchMs) have fired
    const pid = service.child.pid!;
    const [cpu0, rss0] = [cpuMs(pid), rssMb(pid)];
    await sleep(IDLE * 1000);
    const [idle, rssIdle] = [(cpuMs(pid) - cpu0) / (IDLE * 1000), rssMb(pid)];
    await sleep((QUIET - IDLE) * 1000);
    const [quiet, rssQuiet] = [(cpuMs(pid) - cpu0) / (QUIET * 1000), rssMb(pid)];

    await stopService(service);
    service = undefined;
    const t0 = performance.now();
    service = await startService(env, root);
    const startUp = (performance.now() - t0) / 1000;
    const lagOnStart = await lags(service.url);

    const on = machine();
    console.log(
      `Machine: ${on.cpu} x ${on.cores} cores, ${(on.memoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${on.node}, load average ${loadBefore} before, ${loadAverages()} after`,
    );
    console.log(
      `${load['2xx']} of ${COMMANDS} commands answered 2xx (${load.non2xx} not) at ${CONNECTIONS} connections, SQLite synchronous=FULL`,
    );
    console.log(`Idle service CPU after them: ${(idle * 100).toFixed(2)} % of a core over ${IDLE} s`);
    console.log(
      `Over ${QUIET} s from the same start: ${(quiet * 100).toFixed(2)} % of a core; service RSS ${rss0} MB at the start, ${rssIdle} MB after ${IDLE} s, ${rssQuiet} MB after ${QUIET} s`,
    );
    console.log(
      `Restart on the same directory (${ACTIONS + 3 + load['2xx']} commands in the ledger): listening after ${startUp.toFixed(2)} s; projection lag on its first /health: ${lagOnStart.join(', ')}`,
    );
  } finally {
    if (service) await stopService(service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
