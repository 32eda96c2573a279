import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { devKeyPair } from '../../src/auth/dev-keys';

const ROOT = join(__dirname, '..', '..');

/**
 * The README's `TOKEN=$(npm run -s mint-token -- ...)`: the command substitution must capture the
 * token alone, whether or not the script first had to build dist/ (build-if-stale.spec.ts proves a
 * build writes nothing to stdout).
 */
describe('npm run -s mint-token', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mint-token-script-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const mint = () =>
    spawnSync(
      'npm',
      ['run', '-s', 'mint-token', '--', '--role', 'data-protection-officer', '--agency', 'wsp', '--user', 'dpo-1'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        // A guard against a hang, not a speed check: a stale dist/ is compiled first (about a minute on a busy machine).
        timeout: 540_000,
        env: { ...process.env, LEDGER_DATA_DIR: dir, AUTH_MODE: 'dev', NODE_ENV: 'development' },
      },
    );

  it('given dev mode and a data directory, when minted through npm, then stdout is exactly one line: a token the service key verifies', async () => {
    const first = mint();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const { payload } = await jwtVerify(first.stdout.trim(), (await devKeyPair(dir)).publicKey);
    expect(payload).toMatchObject({ sub: 'dpo-1', role: 'data-protection-officer', agency: 'wsp' });

    // The build is now current: the second run compiles nothing (tsc would rewrite the file) and says nothing.
    const compiled = () => statSync(join(ROOT, 'dist', 'scripts', 'mint-token.js')).mtimeMs;
    const builtAt = compiled();
    const second = mint();
    expect({ status: second.status, stderr: second.stderr, builtAt: compiled() }).toEqual({
      status: 0,
      stderr: '',
      builtAt,
    });
    expect(second.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});
