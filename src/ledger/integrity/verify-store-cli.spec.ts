import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { ManualClock } from '../../shared/clock';
import { runVerifyStore } from './verify-store-cli';

describe('verify-store command line', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verify-store-cli-'));
    file = join(dir, 'ledger.sqlite');
    const store = new SqliteEventStore({ file }, new ManualClock());
    const id = 'evt-1';
    await store.append(
      'case-1',
      [
        {
          id,
          type: 'action-raised',
          schemaVersion: 1,
          data: {},
          metadata: {
            actor: { userId: 'u', role: 'admin', agency: 'a' },
            correlationId: id,
            causationId: id,
            occurredAt: '2022-05-10T10:00:00.000Z',
          },
        },
      ],
      'no_stream',
    );
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runVerifyStore(argv, {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
    });
    return { code, out, err };
  }

  it('given a clean ledger, then exit 0 and VALID; given one stream, then that chain only', async () => {
    expect(await run(file)).toMatchObject({ code: 0, out: expect.stringContaining('"verdict": "VALID"') });
    const one = await run(file, 'case-1');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ streamId: 'case-1', ok: true, eventsChecked: 1 });
  });

  it.each([
    ['a missing ledger file', ['nowhere.sqlite'], 'no ledger file at nowhere.sqlite'],
    ['--digest without --public-key', ['LEDGER', '--digest', 'd.json'], '--digest needs --public-key'],
    ['--digest with no file after it', ['LEDGER', '--digest'], '--digest needs a file'],
    ['an unknown option', ['LEDGER', '--fast'], 'unknown option --fast'],
    [
      'a digest file that is not JSON',
      ['LEDGER', '--digest', 'KEY', '--public-key', 'KEY'],
      'is not a readable JSON file',
    ],
    ['a public key that is not Ed25519', ['LEDGER', '--public-key', 'RSA'], 'is not an Ed25519 public key PEM'],
    ['a file that is not a SQLite ledger', ['KEY'], 'could not verify'],
    ['a --log-tree file that is not a log tree', ['LEDGER', '--log-tree', 'LEDGER'], 'is not a readable log-tree file'],
  ])('given %s, then exit 2 naming why, and no report', async (_name, argv, why) => {
    const key = join(dir, 'key.pem');
    writeFileSync(key, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const rsa = join(dir, 'rsa.pem');
    writeFileSync(
      rsa,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }),
    );
    const args = argv.map((a) => ({ LEDGER: file, KEY: key, RSA: rsa })[a] ?? a);
    const { code, out, err } = await run(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(why);
  });

  it('given an unreadable log-tree.sqlite beside the ledger, then it warns, verifies without it and says so (logTree null)', async () => {
    writeFileSync(join(dir, 'log-tree.sqlite'), 'not a database');
    try {
      const { code, out, err } = await run(file);
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ verdict: 'VALID', logTree: null });
      expect(err).toContain('warning: skipped the log tree beside the ledger');
    } finally {
      rmSync(join(dir, 'log-tree.sqlite'));
    }
  });
});
