import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { loadMasterKey } from './master-key';

const PROD = {
  NODE_ENV: 'production',
  OIDC_ISSUER: 'https://login.example',
  OIDC_AUDIENCE: 'api',
  OIDC_JWKS_URL: 'https://login.example/keys',
  LEDGER_SIGNING_KEY_FILE: 'x.pem',
};

describe('loadMasterKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'master-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given no file outside production, then one is generated once under <dataDir>/keys/ (mode 0600) and reused', () => {
    const config = loadConfig({ LEDGER_DATA_DIR: dir });
    const key = loadMasterKey(config);
    const file = join(dir, 'keys', 'personal-data-master.key');
    expect(key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey(config).equals(key)).toBe(true);
  });

  it('reads a named file holding 32 raw bytes or their base64', () => {
    const raw = randomBytes(32);
    writeFileSync(join(dir, 'raw.key'), raw);
    writeFileSync(join(dir, 'b64.key'), `${raw.toString('base64')}\n`);
    for (const name of ['raw.key', 'b64.key']) {
      expect(
        loadMasterKey(
          loadConfig({ ...PROD, LEDGER_DATA_DIR: dir, PERSONAL_DATA_MASTER_KEY_FILE: join(dir, name) }),
        ).equals(raw),
      ).toBe(true);
    }
    expect(readFileSync(join(dir, 'b64.key'), 'utf8')).not.toContain(raw.toString('hex'));
  });

  it.each([
    ['no file in production', () => undefined, /PERSONAL_DATA_MASTER_KEY_FILE is required/],
    ['a missing file', () => join(dir, 'missing.key'), /cannot be read/],
    [
      '16 bytes',
      () => {
        writeFileSync(join(dir, 'short.key'), randomBytes(16));
        return join(dir, 'short.key');
      },
      /not 32 bytes/,
    ],
    [
      'text that is not base64',
      () => {
        writeFileSync(join(dir, 'text.key'), 'correct horse battery staple');
        return join(dir, 'text.key');
      },
      /not 32 bytes/,
    ],
  ])('given %s, then the start stops naming PERSONAL_DATA_MASTER_KEY_FILE', (_, file, message) => {
    const f = file();
    const config = loadConfig({ ...PROD, LEDGER_DATA_DIR: dir, ...(f ? { PERSONAL_DATA_MASTER_KEY_FILE: f } : {}) });
    expect(() => loadMasterKey(config)).toThrow(ConfigError);
    expect(() => loadMasterKey(config)).toThrow(message);
    expect(() => loadMasterKey(config)).toThrow(/PERSONAL_DATA_MASTER_KEY_FILE/);
  });
});
