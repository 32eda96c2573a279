import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../config/app-config';
import { signDigest, verifyDigestSignature } from './digest-signature';
import { loadSigningKey, publicKeyPath, writeSigningKeyPair } from './signing-key';

const PROD = {
  NODE_ENV: 'production',
  OIDC_ISSUER: 'https://login.example',
  OIDC_AUDIENCE: 'api',
  OIDC_JWKS_URL: 'https://login.example/keys',
};
const unsigned = {
  digestId: 'head-1',
  position: 1,
  eventCount: 2,
  logHash: 'c'.repeat(64),
  recordedAt: '2022-11-21T12:00:00.000Z',
};

describe('loadSigningKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given no key file outside production, then it generates one once under <dataDir>/signing/ (private 0600) and reuses it', () => {
    const config = loadConfig({ LEDGER_DATA_DIR: dir });
    const first = loadSigningKey(config);
    const file = join(dir, 'signing', 'ledger-digest.pem');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(publicKeyPath(file), 'utf8')).toBe(first.publicKeyPem);
    expect(loadSigningKey(config).publicKeyPem).toBe(first.publicKeyPem);
    expect(verifyDigestSignature(signDigest(unsigned, first.privateKey))).toBe(true);
  });

  it('given a key file made by writeSigningKeyPair, then it signs with that key in production', () => {
    const file = join(dir, 'keys', 'ledger.pem');
    const written = writeSigningKeyPair(file);
    const key = loadSigningKey(loadConfig({ ...PROD, LEDGER_DATA_DIR: dir, LEDGER_SIGNING_KEY_FILE: file }));
    expect(key.publicKeyPem).toBe(written.publicKeyPem);
  });

  it('never overwrites an existing key', () => {
    const file = join(dir, 'ledger.pem');
    writeSigningKeyPair(file);
    expect(() => writeSigningKeyPair(file)).toThrow(/EEXIST/);
  });

  const rsaPem = generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  it.each([
    ['a missing file', () => join(dir, 'absent.pem'), /cannot be read.*ENOENT/],
    // A directory cannot be read as a file even by root (a 0000 file can be, so it would not test this).
    ['an unreadable path', () => dir, /cannot be read.*EISDIR/],
    [
      'a file that is not a key',
      () => {
        const f = join(dir, 'junk.pem');
        writeFileSync(f, 'hello');
        return f;
      },
      /not an unencrypted PKCS#8/,
    ],
    [
      'an RSA key',
      () => {
        const f = join(dir, 'rsa.pem');
        writeFileSync(f, rsaPem);
        return f;
      },
      /rsa key, not Ed25519/,
    ],
  ])('given %s, then it refuses to start and names LEDGER_SIGNING_KEY_FILE', (_, makeFile, message) => {
    const config = loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_SIGNING_KEY_FILE: makeFile() });
    let error: unknown;
    try {
      loadSigningKey(config);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/LEDGER_SIGNING_KEY_FILE/);
    expect((error as Error).message).toMatch(message);
  });

  it('given production with no key file (bypassing loadConfig), then it refuses rather than generate one', () => {
    const config = {
      ...loadConfig({ ...PROD, LEDGER_DATA_DIR: dir, LEDGER_SIGNING_KEY_FILE: 'x' }),
      digests: { intervalMinutes: 60 },
    };
    expect(() => loadSigningKey(config)).toThrow(/LEDGER_SIGNING_KEY_FILE is required/);
  });
});
