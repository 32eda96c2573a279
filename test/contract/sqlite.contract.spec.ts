import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../src/ledger/errors';
import { verifyEvents } from '../../src/ledger/integrity/chain-verifier';
import { SqliteEventStore } from '../../src/ledger/sqlite/sqlite-event-store';
import { StoreUnavailableError } from '../../src/ledger/store-errors';
import { ManualClock } from '../../src/shared/clock';
import { newEvent, newEvents } from '../support/events';
import { eventStoreContract } from './event-store.contract';

// A fresh file per test, in a not-yet-existing subdirectory, so creating the parent is covered too.
eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
  const clock = new ManualClock();
  const store = new SqliteEventStore({ file: join(dir, 'data', 'ledger.sqlite') }, clock);
  return {
    store,
    clock,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/** What only a file-backed engine can get wrong: persistence, ids across streams, other connections. */
describe('SqliteEventStore beyond the contract', () => {
  let dir: string;
  let file: string;
  const open = () => new SqliteEventStore({ file }, new ManualClock());
  const stores: SqliteEventStore[] = [];
  const track = <S extends SqliteEventStore>(s: S) => (stores.push(s), s);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
    file = join(dir, 'ledger.sqlite');
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts the file in WAL mode, so readers never block the writer', async () => {
    await open().close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('filters by type prefix exactly as startsWith does: case-sensitive, no wildcards', async () => {
    const store = track(open());
    await store.append('case-1', [newEvent('action-raised'), newEvent('a%b'), newEvent('Action-closed')], 'no_stream');
    await store.append('plain', [newEvent('action-closed')], 'no_stream');
    const types = async (eventTypePrefixes: string[], streamCategories?: string[]) =>
      (await store.readAll({ filter: { eventTypePrefixes, streamCategories } })).map((e) => e.type);
    expect(await types(['action-'])).toEqual(['action-raised', 'action-closed']);
    expect(await types(['a%'])).toEqual(['a%b']);
    expect(await types(['a_'])).toEqual([]);
    expect(await types([''], ['plain'])).toEqual(['action-closed']); // a stream id without '-' is its own category
  });

  it('keeps events across a reopen and continues the same chain', async () => {
    const s = 'case-1';
    const first = open();
    await first.append(s, newEvents(2), 'no_stream');
    await first.close();
    const second = track(open());
    await expect(second.append(s, newEvents(1), 1)).resolves.toMatchObject({ nextRevision: 2 });
    const events = await second.readStream(s);
    expect(events[2].integrity.prevHash).toBe(events[1].integrity.hash);
    expect((await verifyEvents(events)).ok).toBe(true);
  });

  it('refuses an event id already used in another stream, and ids repeated within one append', async () => {
    const store = track(open());
    const e = newEvent();
    await store.append('case-1', [e], 'no_stream');
    await expect(store.append('case-2', [e], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
    const twin = newEvent();
    await expect(store.append('case-3', [twin, twin], 'no_stream')).rejects.toMatchObject({ eventId: twin.id });
    expect(await store.readAll()).toHaveLength(1);
  });

  it('treats a retry with expected revision any as idempotent, without writing', async () => {
    const store = track(open());
    const batch = newEvents(2);
    const first = await store.append('case-1', batch, 'any');
    await expect(store.append('case-1', batch, 'any')).resolves.toEqual(first);
    expect(await store.readStream('case-1')).toHaveLength(2);
  });

  it('chains correctly when two connections append to one file in turn', async () => {
    const [a, b] = [track(open()), track(open())];
    await a.append('case-1', newEvents(1), 'no_stream');
    await b.append('case-1', newEvents(1), 0);
    await a.append('case-1', newEvents(1), 1);
    const events = await b.readStream('case-1');
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
    expect((await verifyEvents(events)).ok).toBe(true);
  });

  it('lets a subscription see appends made through another connection, by polling', async () => {
    const [writer, reader] = [track(open()), track(open())];
    const sub = reader.subscribe();
    const next = sub[Symbol.asyncIterator]().next();
    await writer.append('case-1', newEvents(1), 'no_stream');
    await expect(next).resolves.toMatchObject({ value: { streamId: 'case-1', revision: 0 } });
    await sub.close();
  });

  it('waits for another process holding the write lock instead of failing (busy_timeout)', async () => {
    // A minute's busy_timeout: the holder's 300 ms must not meet the deadline however late it is scheduled.
    const store = track(new SqliteEventStore({ file, deadlineMs: 60_000 }, new ManualClock()));
    await store.append('case-1', newEvents(1), 'no_stream');
    // Another thread takes the write lock, as a second process would, and keeps it for 300 ms from
    // when this test says it is appending: counted from 'locked' instead, a parent scheduled late
    // on a loaded machine found the lock nearly free and measured less than the wait it asserts.
    const appending = new Int32Array(new SharedArrayBuffer(4));
    const holder = new Worker(
      `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
       const { workerData, parentPort } = require('node:worker_threads');
       const db = new Database(workerData.file);
       db.exec('BEGIN IMMEDIATE');
       parentPort.postMessage('locked');
       Atomics.wait(workerData.appending, 0, 0);
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: { file, appending } },
    );
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    await new Promise((resolve) => holder.once('message', resolve));
    const started = Date.now();
    Atomics.store(appending, 0, 1);
    Atomics.notify(appending, 0);
    // The lock is released 300 ms after `started` at the earliest (a little less as Date.now() rounds),
    // and this append cannot commit before that: it resolves (no SQLITE_BUSY) only by waiting for the lock.
    await expect(store.append('case-1', newEvents(1), 0)).resolves.toMatchObject({ nextRevision: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await exited;
  });

  describe('group commit: concurrent appends share one transaction and one commit', () => {
    /** Counts commits, and can make the next one fail as a failed fsync would (SQLite cannot be made to). */
    class CountingStore extends SqliteEventStore {
      commits = 0;
      failNextCommit = false;
      protected override commitGroup(): void {
        this.commits++;
        if (this.failNextCommit) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_FSYNC' });
        super.commitGroup();
      }
    }
    const openCounting = () => track(new CountingStore({ file }, new ManualClock()));

    it('given ten concurrent appends, one of them at a stale revision, then one commit, only that one refused, the rest durable', async () => {
      const store = openCounting();
      await store.append('case-0', newEvents(1), 'no_stream');
      const before = store.commits;
      const appends = Array.from({ length: 10 }, (_, i) =>
        i === 3 ? store.append('case-0', newEvents(1), 5) : store.append(`case-${i + 1}`, newEvents(2), 'no_stream'),
      );
      const settled = await Promise.allSettled(appends);
      expect(store.commits - before).toBe(1);
      expect(settled.filter((s) => s.status === 'rejected')).toEqual([
        { status: 'rejected', reason: expect.any(WrongExpectedRevisionError) },
      ]);
      expect((settled[3] as PromiseRejectedResult).reason).toMatchObject({ expected: 5, actual: 0 });
      await store.close();
      const reopened = track(open());
      expect(await reopened.readStream('case-0')).toHaveLength(1);
      for (const i of [1, 2, 3, 5, 6, 7, 8, 9, 10]) expect(await reopened.readStream(`case-${i}`)).toHaveLength(2);
      expect((await verifyEvents(await reopened.readAll())).ok).toBe(true);
    });

    it('given two concurrent appends at the same revision of one stream, then the second sees the first and is refused', async () => {
      const store = openCounting();
      const [first, second] = await Promise.allSettled([
        store.append('case-1', newEvents(1), 'no_stream'),
        store.append('case-1', newEvents(1), 'no_stream'),
      ]);
      expect(first).toMatchObject({ status: 'fulfilled', value: { nextRevision: 0 } });
      expect(second).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
      expect(await store.readStream('case-1')).toHaveLength(1);
    });

    it('given the shared commit fails, then no append of the batch is told success and none is in the file', async () => {
      const store = openCounting();
      store.failNextCommit = true;
      const settled = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => store.append(`case-${i}`, newEvents(1), 'no_stream')),
      );
      expect(settled.map((s) => s.status)).toEqual(Array(5).fill('rejected'));
      for (const s of settled) {
        const reason = (s as PromiseRejectedResult).reason as StoreUnavailableError;
        expect(reason).toBeInstanceOf(StoreUnavailableError);
        expect(reason).toMatchObject({ code: 'store-io-error', part: 'event-store', outcomeUnknown: true });
      }
      store.failNextCommit = false;
      await expect(store.append('case-9', newEvents(1), 'no_stream')).resolves.toMatchObject({ nextRevision: 0 });
      await store.close();
      expect((await track(open()).readAll()).map((e) => e.streamId)).toEqual(['case-9']);
    });

    it('given a fault that ends the transaction mid-batch, then the appends before it are not acknowledged either', async () => {
      const store = openCounting();
      await store.append('case-0', newEvents(1), 'no_stream');
      store.faultForTests('storage-full');
      const big = () => [newEvent('test-happened', { blob: 'x'.repeat(200_000) })];
      const settled = await Promise.allSettled([
        store.append('case-1', newEvents(1), 'no_stream'),
        store.append('case-2', big(), 'no_stream'),
        store.append('case-3', newEvents(1), 'no_stream'),
      ]);
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
      store.faultForTests('none');
      expect((await store.readAll()).map((e) => e.streamId)).toEqual(['case-0']);
    });
  });
});
