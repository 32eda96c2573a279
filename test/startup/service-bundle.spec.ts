import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { mintDevToken } from '../../src/auth/mint-token';
import { loadConfig } from '../../src/config/app-config';
import { startListening, terminate } from '../../bench/support/listening-process';

const ROOT = join(__dirname, '..', '..');
/** What `npm start` runs: the launcher, which runs dist/service.bundle.js with its code cache. */
const SERVICE = join(ROOT, 'dist', 'service.js');
const CODE_CACHE = join(ROOT, 'dist', 'service.bundle.v8cache');
// Plain JavaScript (it becomes dist/service.js), so required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cacheKey, WRAPPER_HEAD, WRAPPER_CALL } = require('../../scripts/service-launcher.js') as {
  cacheKey: (source: string) => string;
  WRAPPER_HEAD: string;
  WRAPPER_CALL: string;
};
const REPORT_LOADED = join(__dirname, 'support', 'report-loaded-at-listening.js');
/** Hang guards on a busy 2-core machine (a stale dist/ is compiled first), not speed checks. */
const BUILD_DEADLINE_MS = 540_000;
const START_DEADLINE_MS = 240_000;
const CACHE_DEADLINE_MS = 60_000;

interface Booted {
  child: ChildProcess;
  url: string;
  /** Every file boot had loaded through require when it said "listening", relative to the repository. */
  loaded: string[];
  /** How the launcher's V8 code cache served this start: used, rejected (by V8) or none. */
  cache: string;
}

/** `node dist/service.js`, as `npm start` runs it, on a free port; resolves once it said "listening" and what it had loaded. */
async function boot(env: Record<string, string>): Promise<Booted> {
  const { child, url, ready } = await startListening({
    name: 'the bundle',
    args: ['-r', REPORT_LOADED, SERVICE],
    env,
    deadlineMs: START_DEADLINE_MS,
    cwd: ROOT,
    // The whole lines (a long list arrives in several chunks).
    ready: (out) => /^LOADED (.*)\nCACHE (\w+)\n/m.exec(out)?.slice(1, 3).join('\n'),
  });
  const [loaded, cache] = ready.split('\n');
  return { child, url, loaded: (JSON.parse(loaded) as string[]).map((f) => relative(ROOT, f)), cache };
}

/** The service on SQLite on a free port, with no scheduled work to get in the way. */
const QUIET_SQLITE = {
  LEDGER_STORE: 'sqlite',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
  DIGEST_INTERVAL_MINUTES: '0',
  RETENTION_INTERVAL_MINUTES: '0',
  INTEGRITY_CHECK_INTERVAL_MINUTES: '0',
};

/** The node_modules packages among the loaded files (`@scope/name` or `name`). */
const packagesOf = (files: string[]): Set<string> =>
  new Set(files.flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1] ?? []));

describe('the one-file service bundle (dist/service.bundle.js, run by dist/service.js, what npm start runs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-service-bundle-'));
  let service: Booted;
  let token: string;

  beforeAll(async () => {
    // Given the build npm start runs first (a no-op when dist/ is current).
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.js')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: BUILD_DEADLINE_MS,
    });
    if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);
    // Without a code cache (this start makes one).
    rmSync(CODE_CACHE, { force: true });
    // A dev token, minted first so the service finds the key pair it makes under the data directory.
    token = await mintDevToken(loadConfig({ LEDGER_DATA_DIR: dir }), {
      userId: 'bundle',
      role: 'admin',
      agency: 'test',
    });
    // When the bundle starts on a fresh SQLite data directory.
    service = await boot({ ...QUIET_SQLITE, LEDGER_DATA_DIR: dir });
  }, BUILD_DEADLINE_MS + START_DEADLINE_MS);

  afterAll(async () => {
    if (service) await terminate(service.child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('then it answers /health 200', async () => {
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
  });

  it('then all of the app came from the one file: nothing from dist/ but the launcher, and neither Nest nor Fastify from node_modules', () => {
    expect(service.loaded.filter((f) => f.startsWith('dist/'))).toEqual(['dist/service.js']);
    const fromNodeModules = packagesOf(service.loaded);
    for (const bundled of ['@nestjs/core', '@nestjs/common', '@nestjs/swagger', 'fastify', 'class-validator', 'rxjs'])
      expect(fromNodeModules).not.toContain(bundled);
  });

  it('then boot loaded none of the modules left to first use (jose, pdfkit, pg, the EventStoreDB client)', () => {
    const fromNodeModules = packagesOf(service.loaded);
    for (const lazy of ['jose', 'pdfkit', 'pg', '@eventstore/db-client']) expect(fromNodeModules).not.toContain(lazy);
  });

  it('then a read with a dev token is verified (jose, required from node_modules at first use) and answered 200', async () => {
    const read = await fetch(`${service.url}/action-log?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
  });

  it('then /openapi.json and the /docs assets (swagger-ui-dist, served from its own directory) answer 200', async () => {
    const answers = await Promise.all(
      ['/openapi.json', '/docs/swagger-ui.css'].map(async (path) => (await fetch(`${service.url}${path}`)).status),
    );
    expect(answers).toEqual([200, 200]);
  });

  it('then the bundle is pure ASCII (a one-byte string to V8) and already in the wrapper the launcher compiles', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'service.bundle.js'), 'latin1');
    expect(bundle).not.toMatch(/[\u0080-\uffff]/);
    expect(bundle.startsWith(WRAPPER_HEAD)).toBe(true);
    expect(bundle).toContain(`\n})${WRAPPER_CALL}\n`);
  });

  it('then, once listening, it saved a V8 code cache beside the bundle, keyed by the bundle and this Node', async () => {
    const key = cacheKey(readFileSync(join(ROOT, 'dist', 'service.bundle.js'), 'utf8'));
    const keyOfCache = () => (existsSync(CODE_CACHE) ? readFileSync(CODE_CACHE).toString('latin1').split('\n')[0] : '');
    // Written right after the "listening" line: waited for, with a hang guard.
    for (const t0 = Date.now(); keyOfCache() !== key && Date.now() - t0 < CACHE_DEADLINE_MS;)
      await new Promise((r) => setTimeout(r, 50));
    expect(keyOfCache()).toBe(key);
  });

  it('then a second start uses that cache, which V8 takes: it was made under the flags it is checked under', async () => {
    // The first start had none (removed before it).
    expect(service.cache).toBe('none');
    const other = mkdtempSync(join(tmpdir(), 'ledger-service-bundle-again-'));
    const again = await boot({ ...QUIET_SQLITE, LEDGER_DATA_DIR: other });
    try {
      // Refused ('rejected') when the bundle set its V8 flags after the launcher compiled it.
      expect(again.cache).toBe('used');
    } finally {
      await terminate(again.child);
      rmSync(other, { recursive: true, force: true });
    }
  });
});
