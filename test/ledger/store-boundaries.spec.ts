import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteIdempotencyStore } from '../../src/http/idempotency/sqlite-idempotency.store';
import { SqliteEventStore } from '../../src/ledger/sqlite/sqlite-event-store';
import { StoreUnavailableError } from '../../src/ledger/store-errors';
import { SubjectKeyStore } from '../../src/privacy/services';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ManualClock } from '../../src/shared/clock';
import { newEvents } from '../support/events';

/**
 * Each SQLite-backed store translates its own faults: callers see a StoreUnavailableError naming
 * the part, never a raw SqliteError. Faults are raised by SQLite on the store's own connection
 * (reached here through its private handle, test-only): PRAGMA query_only gives the SQLITE_READONLY
 * a read-only file gives (chmod cannot, as the tests run as root), and a page cap gives SQLITE_FULL.
 */
const dbOf = (store: object) => (store as { db: Database.Database }).db;
const readOnly = (store: object, on = true) => dbOf(store).pragma(`query_only = ${on ? 'ON' : 'OFF'}`);
const full = (store: object, on = true) => {
  const db = dbOf(store);
  db.pragma(`max_page_count = ${on ? (db.pragma('page_count', { simple: true }) as number) : 4294967294}`);
};
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('store boundaries translate SQLite faults', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-faults-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a read-only or full read-model file, when a batch is committed or the store probed, then a read-model-store fault; reads still answer', () => {
    const store = new ReadModelStore(join(dir, 'read-models.sqlite'));
    store.commit('p', 1, undefined, 1, new Map([['k', { n: 1 }]]), 1);
    store.probe();
    readOnly(store);
    expect(thrown(() => store.commit('p', 1, 1, 2, new Map([['k', { n: 2 }]]), 1))).toMatchObject({
      code: 'store-read-only',
      part: 'read-model-store',
      outcomeUnknown: false,
    });
    expect(thrown(() => store.probe())).toBeInstanceOf(StoreUnavailableError);
    expect(store.get('p', 'k')).toEqual({ n: 1 });
    readOnly(store, false);
    full(store);
    expect(thrown(() => store.commit('p', 1, 1, 2, new Map([['big', { s: 'x'.repeat(200_000) }]]), 1))).toMatchObject({
      code: 'storage-full',
      part: 'read-model-store',
    });
    expect(thrown(() => store.probe())).toMatchObject({ code: 'storage-full' });
    full(store, false);
    store.probe();
    expect(store.checkpoint('p')).toEqual({ version: 1, position: 1 }); // the refused batches left nothing
    expect([...store.scan('p', '')].map((d) => d.key)).toEqual(['k']); // nor did the probes
    store.close();
  });

  it('given the read-model file is gone from under it, when as-of layers are read or scanned, then a read-model-store fault', () => {
    const store = new ReadModelStore(join(dir, 'read-models.sqlite'), { snapshotEvery: 1, snapshotProjections: ['p'] });
    store.commit('p', 1, undefined, 1, new Map([['k', { n: 1 }]]), 1);
    const scan = store.layers.scanAt('p', 1, '', '\uffff')[Symbol.iterator]();
    expect(scan.next()).toMatchObject({ done: false });
    scan.return?.();
    store.close();
    expect(thrown(() => store.layers.timeWindow('2022-01-01T00:00:00Z'))).toMatchObject({
      code: 'store-unavailable',
      part: 'read-model-store',
    });
    expect(thrown(() => [...store.layers.scanAt('p', 1, '', '\uffff')])).toMatchObject({
      code: 'store-unavailable',
      part: 'read-model-store',
    });
  });

  it('given a read-only key file, when a key is made or the store probed, then a key-store fault; existing keys still read', async () => {
    const keys = new SubjectKeyStore(join(dir, 'keys.sqlite'), Buffer.alloc(32, 7));
    const made = await keys.current('child-1');
    await keys.probe();
    readOnly(keys);
    const readOnlyFault = { code: 'store-read-only', part: 'key-store' };
    await expect(keys.current('child-2')).rejects.toMatchObject(readOnlyFault);
    await expect(keys.destroy('child-1')).rejects.toMatchObject(readOnlyFault);
    await expect(keys.probe()).rejects.toMatchObject(readOnlyFault);
    expect(await keys.get('child-1', made.version)).toEqual(made.key);
    readOnly(keys, false);
    expect(await keys.liveVersions('child-2')).toEqual([]);
    await keys.close();
  });

  it('given a full idempotency file, when a response is kept or the store probed, then an idempotency-store fault', () => {
    const idem = new SqliteIdempotencyStore(join(dir, 'idempotency.sqlite'));
    idem.put('u', 'k1', { fingerprint: 'f', status: 201, body: {} });
    idem.probe();
    full(idem);
    expect(
      thrown(() => idem.put('u', 'k2', { fingerprint: 'f', status: 201, body: { s: 'x'.repeat(200_000) } })),
    ).toMatchObject({ code: 'storage-full', part: 'idempotency-store' });
    expect(thrown(() => idem.probe())).toMatchObject({ code: 'storage-full', part: 'idempotency-store' });
    expect(idem.get('u', 'k1')).toMatchObject({ status: 201 });
    idem.close();
  });

  it('given the ledger file, when pinged, then it proves writability and writes nothing; read-only and full fail it', async () => {
    const ledger = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') }, new ManualClock());
    await ledger.append('s-1', newEvents(1), 'no_stream');
    await ledger.ping();
    expect(await ledger.readAll()).toHaveLength(1);
    ledger.faultForTests('read-only');
    await expect(ledger.ping()).rejects.toMatchObject({ code: 'store-read-only', part: 'event-store' });
    await expect(ledger.append('s-2', newEvents(1), 'no_stream')).rejects.toMatchObject({
      code: 'store-read-only',
      outcomeUnknown: false,
    });
    ledger.faultForTests('storage-full');
    await expect(ledger.ping()).rejects.toMatchObject({ code: 'storage-full' });
    ledger.faultForTests('none');
    await ledger.ping();
    expect(await ledger.readAll()).toHaveLength(1);
    await ledger.close();
  });

  it('given another process holds the write lock past the deadline, when appending, then store-busy and nothing written', async () => {
    const file = join(dir, 'ledger.sqlite');
    const ledger = new SqliteEventStore({ file, deadlineMs: 100 }, new ManualClock());
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(ledger.append('s-1', newEvents(1), 'no_stream')).rejects.toMatchObject({
        code: 'store-busy',
        part: 'event-store',
        outcomeUnknown: false,
      });
      await expect(ledger.ping()).rejects.toMatchObject({ code: 'store-busy' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await ledger.append('s-1', newEvents(1), 'no_stream');
    expect(await ledger.readAll()).toHaveLength(1);
    await ledger.close();
  });
});
