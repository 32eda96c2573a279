import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintDevToken } from '../../src/auth/mint-token';
import { createApp } from '../../src/bootstrap';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { runDemoLoad } from '../../demo/load/run-demo-load';
import { verifyStore } from '../../src/ledger/integrity/verify-store';
import { EVENT_STORE, type EventStore } from '../../src/ledger/event-store.port';
import { ledgerFile } from '../../src/ledger/event-store.factory';
import { ReadOnlySqliteLedger } from '../../src/ledger/sqlite/read-only-ledger';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { PROJECTIONS } from '../../src/read-models/projections.module';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { DataDirLock, DataDirLockedError, OWNER_FILE, readDataDirOwner } from '../../src/shared/data-dir-lock';
import { sqliteServiceConfig } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' } as const;

/** The service as `npm start` runs it: the production bootstrap, listening on a free loopback port. */
async function startService(config: AppConfig): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: await app.getUrl() };
}

/** A command over real HTTP, as an admin with a dev token signed by the service's key. */
async function post(
  config: AppConfig,
  url: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const token = await mintDevToken(config, admin);
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Every projection's documents, by key. */
function documents(store: ReadModelStore): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    PROJECTIONS.map((p) => [p.name, Object.fromEntries([...store.scan(p.name, '')].map(({ key, doc }) => [key, doc]))]),
  );
}

/** The service's read models, once caught up with the whole log, and what a fresh rebuild of that log gives. */
async function readModelsAndRebuild(app: NestFastifyApplication): Promise<[unknown, unknown]> {
  const events = app.get<EventStore>(EVENT_STORE);
  const head = (await events.readAll()).at(-1)!.position;
  await app.get(ProjectionRunner).waitFor(head, 60_000);
  const fresh = new ReadModelStore(':memory:');
  const runner = new ProjectionRunner(events, fresh, PROJECTIONS);
  try {
    runner.start();
    await runner.waitFor(head, 60_000);
    await runner.stop();
    return [documents(app.get(ReadModelStore)), documents(fresh)];
  } finally {
    fresh.close();
  }
}

/** Fault matrix, second process: one process owns a data directory; a second is refused and changes nothing. */
describe('one owner per data directory (e2e)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'data-dir-owner-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a service on a data directory, when a second app starts on it, then it is refused naming the directory and the pid, opens nothing, and the service carries on', async () => {
    const config = sqliteServiceConfig(dir);
    const { app, url } = await startService(config);
    try {
      expect(
        await post(config, url, '/partners', {
          partnerId: 'warwickshire-police',
          name: 'Warwickshire Police',
          kind: 'police',
        }),
      ).toMatchObject({ status: 201 });
      const files = readdirSync(dir).sort();
      const refused = await createApp(config).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect(refused).toMatchObject({ dataDir: dir, owner: { pid: process.pid, url } });
      expect((refused as Error).message).toBe(
        `Data directory ${dir} is in use by another process (pid ${process.pid}): one process owns a data directory; stop that one or set another LEDGER_DATA_DIR`,
      );
      expect(readdirSync(dir).sort()).toEqual(files);

      // The owner is untouched: it writes, reports healthy, and its read models equal a rebuild.
      expect(
        await post(config, url, '/partners', {
          partnerId: 'warwickshire-cc',
          name: 'Warwickshire County Council',
          kind: 'local-authority',
        }),
      ).toMatchObject({ status: 201 });
      const health = await fetch(`${url}/health`);
      expect({ status: health.status, body: await health.json() }).toMatchObject({
        status: 200,
        body: { status: 'up' },
      });
      const [readModels, rebuilt] = await readModelsAndRebuild(app);
      expect(readModels).toEqual(rebuilt);
    } finally {
      await app.close();
    }
  });

  it('given the owner closed, then its lock and owner file are gone and the next app starts on the directory', async () => {
    const config = sqliteServiceConfig(dir);
    const first = await createApp(config);
    expect(readDataDirOwner(dir)).toEqual({ pid: process.pid });
    await first.close();
    expect(existsSync(join(dir, OWNER_FILE))).toBe(false);
    const second = await createApp(config);
    await second.close();
  });

  it('given the in-memory store, then it takes no lock (its ledger and read models live in the process)', async () => {
    const config = loadConfig({ LEDGER_STORE: 'memory', LEDGER_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const [a, b] = [await createApp(config), await createApp(config)];
    await Promise.all([a.close(), b.close()]);
    expect(existsSync(join(dir, OWNER_FILE))).toBe(false);
  });

  it('given the owner killed with SIGKILL, then the lock went with it: the next owner takes it with no stale-pid guessing', async () => {
    const child = spawn(process.execPath, [join(__dirname, 'support', 'hold-data-dir.js'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        if (text.includes('locked')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
    });
    expect(() => DataDirLock.acquire(dir)).toThrow(new DataDirLockedError(dir, { pid: child.pid! }));
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
    // Its owner file is still there (nothing ran on the way out), but the lock is the truth.
    expect(readDataDirOwner(dir)).toEqual({ pid: child.pid });
    const lock = DataDirLock.acquire(dir);
    expect(readDataDirOwner(dir)).toEqual({ pid: process.pid });
    lock.release();
  });

  it('given a held data directory, when `node src/main` starts on it, then it prints one line naming the directory and the pid and exits 78', () => {
    const lock = DataDirLock.acquire(dir);
    try {
      const started = spawnSync(
        process.execPath,
        ['-e', `require('./test/read-models/support/swc-register'); require('./src/main.ts')`],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' },
        },
      );
      expect({ status: started.status, stderr: started.stderr, stdout: started.stdout }).toEqual({
        status: 78,
        stdout: '',
        stderr: `Data directory ${dir} is in use by another process (pid ${process.pid}): one process owns a data directory; stop that one or set another LEDGER_DATA_DIR\n`,
      });
      expect(readdirSync(dir).sort()).toEqual(['owner.json', 'owner.lock']);
    } finally {
      lock.release();
    }
  });
});

/** The README's order: `npm start`, then `npm run demo:load` on the same data directory. */
describe('demo:load beside the running service (e2e)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'demo-beside-service-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given the service running, when demo:load runs, then it sends its commands to the service over HTTP and the read models equal a rebuild', async () => {
    const config = sqliteServiceConfig(dir);
    const { app, url } = await startService(config);
    try {
      const { tally, route } = await runDemoLoad(config);
      expect(route).toEqual({ kind: 'service', url, pid: process.pid });
      const events = await app.get<EventStore>(EVENT_STORE).readAll();
      expect(tally).toMatchObject({ replayed: 0, eventsWritten: events.length });
      const [readModels, rebuilt] = await readModelsAndRebuild(app);
      expect(readModels).toEqual(rebuilt);

      // Read-only tools run beside it: verify-store opens the ledger read-only, mint-token only reads the key.
      const ledger = new ReadOnlySqliteLedger(ledgerFile(config));
      try {
        expect(await verifyStore(ledger)).toEqual({
          ok: true,
          streamsChecked: expect.any(Number),
          eventsChecked: events.length,
          problems: [],
        });
      } finally {
        ledger.close();
      }
      const token = await mintDevToken(config, admin);
      expect((await fetch(`${url}/action-log`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('given no service, when demo:load runs, then it holds the directory itself while it loads, and lets go after', async () => {
    const config = sqliteServiceConfig(dir);
    const { tally, route } = await runDemoLoad(config);
    expect(route).toEqual({ kind: 'in-process' });
    expect(tally.eventsWritten).toBeGreaterThan(0);
    const app = await createApp(config);
    try {
      expect((await app.get<EventStore>(EVENT_STORE).readAll()).length).toBe(tally.eventsWritten);
      const [readModels, rebuilt] = await readModelsAndRebuild(app);
      expect(readModels).toEqual(rebuilt);
    } finally {
      await app.close();
    }
  });
});
