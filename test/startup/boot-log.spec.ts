import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** A hang guard for compiling the sources in a fresh process on a busy machine, not a speed check. */
const DEADLINE_MS = 240_000;

/** Builds the app from the sources in a fresh process with LOG_LEVEL as given; what it printed while booting. */
const CHILD = `
require('./test/read-models/support/swc-register');
require('reflect-metadata');
const { createApp } = require('./src/bootstrap');
const { loadConfig } = require('./src/config/app-config');
(async () => {
  const app = await createApp(loadConfig({
    LEDGER_STORE: 'memory', LEDGER_DATA_DIR: process.argv[1], LOG_LEVEL: process.argv[2],
    DIGEST_INTERVAL_MINUTES: '0', RETENTION_INTERVAL_MINUTES: '0', INTEGRITY_CHECK_INTERVAL_MINUTES: '0',
  }));
  const health = await app.inject('/health');
  await app.close();
  console.log('HEALTH ' + health.statusCode);
})().catch((err) => { console.error(err); process.exit(1); });
`;

function bootWith(logLevel: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-boot-log-'));
  try {
    const run = spawnSync(process.execPath, ['-e', CHILD, dir, logLevel], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: DEADLINE_MS,
      env: { ...process.env, NODE_ENV: 'test' },
    });
    if (!run.stdout.includes('HEALTH 200')) throw new Error(`the app did not boot: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("Nest's start-up lines follow LOG_LEVEL", () => {
  it(
    'prints a line per route mapped at info (the default)',
    () => {
      expect(bootWith('info')).toMatch(/Mapped \{\/health, GET\} route/);
    },
    DEADLINE_MS,
  );

  it(
    'prints none of them at warn, and still answers /health',
    () => {
      const out = bootWith('warn');
      expect(out).not.toMatch(/Mapped \{|dependencies initialized|Starting Nest application/);
    },
    DEADLINE_MS,
  );
});
