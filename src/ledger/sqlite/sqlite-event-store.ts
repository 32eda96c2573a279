import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Subject } from 'rxjs';
import { BOUND_LIMIT } from '../../shared/bound-limit';
import type { Clock } from '../../shared/clock';
import { GENESIS_HASH, type NewEvent, type StoredEvent } from '../event-envelope';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  LogFilter,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { encodeEvent } from '../integrity/hash-chain';
import { findPriorAppend } from '../idempotency';
import { pollingSubscription } from '../polling-subscription';
import { classifyStoreError, storeCallSync } from '../store-errors';
import { GroupCommit } from './group-commit';
import { configure, EVENT_COLUMNS, readAllSql, type Row, type Synchronous, toEvent } from './schema';

export interface SqliteEventStoreOptions {
  file: string;
  synchronous?: Synchronous;
  /** How long a call waits for another process's write lock (busy_timeout); STORE_DEADLINE_MS. */
  deadlineMs?: number;
  /** How often an idle subscription looks for other processes' appends (its own wake it at once); 250 ms unless set. */
  pollMs?: number;
}

/** Memory's slice semantics as a LIMIT: none (or Infinity) reads everything, as SQLite does for -1. */
const sqlLimit = (maxCount?: number) =>
  maxCount === undefined || maxCount === Infinity ? -1 : Math.max(0, Math.floor(maxCount));

/** The durable engine: one SQLite file per deployment, one writer at a time, readers beside it (WAL). */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly appended$ = new Subject<void>();
  private readonly readAllStatements = new Map<string, Database.Statement>();
  private readonly stmt;
  private readonly appendTx;
  private readonly group: GroupCommit;
  private readonly pollMs: number | undefined;

  constructor(
    options: SqliteEventStoreOptions,
    private readonly clock: Clock,
  ) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.pollMs = options.pollMs;
    this.db = new Database(options.file);
    configure(this.db, options.synchronous ?? 'FULL', options.deadlineMs);
    // Prepared once: parsing SQL on every call would cost more than the inserts themselves.
    this.stmt = {
      byIds: this.db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id IN (SELECT value FROM json_each(?))`)
        .raw(),
      tail: this.db
        .prepare('SELECT revision, position, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
        .raw(),
      insert: this.db.prepare(
        'INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      forwards: this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ${BOUND_LIMIT}`,
        )
        .raw(),
      backwards: this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC ${BOUND_LIMIT}`,
        )
        .raw(),
      // A row that needs new pages (larger than any page size), inserted and rolled back: see ping().
      probe: this.db.prepare(
        "INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash) VALUES ('$health-probe', 0, 'health-probe', 'probe', 1, zeroblob(70000), '{}', '', '')",
      ),
      head: this.db.prepare('SELECT MAX(position) FROM events').pluck(),
      commit: this.db.prepare('COMMIT'),
      atOrBefore: this.db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT 1`)
        .raw(),
    };
    this.appendTx = this.db.transaction(
      (streamId: string, events: NewEvent[], expected: ExpectedRevision, checkIds: boolean) =>
        this.appendInTx(streamId, events, expected, checkIds),
    );
    this.group = new GroupCommit(
      this.db,
      () => this.commitGroup(),
      () => this.appended$.next(), // after COMMIT, so woken subscribers can see the rows
    );
  }

  /**
   * Concurrent appends share one transaction and one fsync (see GroupCommit); each keeps its own
   * expected-revision check in its own savepoint and is answered only after the shared COMMIT.
   */
  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      return await this.group.submit(() => this.appendInSavepoint(streamId, events, expected));
    } catch (err) {
      throw classifyStoreError(err, 'event-store', { writing: true });
    }
  }

  /** COMMIT of a group of appends: the one fsync they share (synchronous=FULL). Tests make it fail. */
  protected commitGroup(): void {
    this.stmt.commit.run();
  }

  /**
   * Runs inside the group's transaction; appendTx, nested, takes a savepoint, so a refusal rolls
   * back this append alone. BEGIN IMMEDIATE took the write lock before any check, so no other
   * process can move the tail between our read of it and our insert.
   */
  private appendInSavepoint(streamId: string, events: NewEvent[], expected: ExpectedRevision): AppendResult {
    try {
      return this.appendTx(streamId, events, expected, false);
    } catch (err) {
      if (!isEventIdConflict(err)) throw err;
      // The savepoint undid any partial batch; now look the ids up first to tell a retry from a reuse.
      return this.appendTx(streamId, events, expected, true);
    }
  }

  /**
   * Ids are looked up first only when the unique index on event_id has already refused one: a
   * lookup on every append would cost as much as the insert, and a fresh append cannot be a retry.
   * A retry usually carries a stale expected revision, so a mismatch also checks the ids first.
   */
  private appendInTx(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    checkIds: boolean,
  ): AppendResult {
    const prior = checkIds ? this.findPrior(streamId, events) : undefined;
    if (prior) return prior;
    const tail = this.stmt.tail.get(streamId) as [number, number, string] | undefined;
    const actual = tail ? tail[0] : 'no_stream';
    if (expected === 'no_stream' ? tail !== undefined : expected !== 'any' && expected !== actual) {
      const retried = checkIds ? undefined : this.findPrior(streamId, events);
      if (retried) return retried;
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }
    if (events.length === 0) return { nextRevision: tail?.[0] ?? -1, position: tail?.[1] ?? -1 };
    // Sealed and encoded in one pass: the canonical text that is hashed is the text stored, so
    // no sealed envelopes are built and nothing is serialised twice (see encodeEvent).
    const recordedAt = this.clock.now().toISOString();
    let revision = tail ? tail[0] : -1;
    let prevHash = tail ? tail[2] : GENESIS_HASH;
    let position = -1;
    for (const e of events) {
      const encoded = encodeEvent(streamId, e, ++revision, prevHash, recordedAt);
      const info = this.stmt.insert.run(
        streamId,
        revision,
        e.id,
        e.type,
        e.schemaVersion,
        encoded.data,
        encoded.metadata,
        prevHash,
        encoded.hash,
      );
      position = Number(info.lastInsertRowid);
      prevHash = encoded.hash;
    }
    return { nextRevision: revision, position };
  }

  /** Idempotency as in memory, but ids are unique across the whole file: reuse in another stream is refused too. */
  private findPrior(streamId: string, events: NewEvent[]): AppendResult | undefined {
    if (events.length === 0) return undefined;
    const ids = events.map((e) => e.id);
    const unique = new Set(ids);
    if (unique.size !== ids.length) throw new DuplicateEventIdError(ids.find((id, i) => ids.indexOf(id) !== i)!);
    const rows = this.stmt.byIds.all(JSON.stringify(ids)) as Row[];
    if (rows.length === 0) return undefined;
    const foreign = rows.find((r) => r[1] !== streamId);
    if (foreign) throw new DuplicateEventIdError(foreign[3]);
    return findPriorAppend(rows.map(toEvent), events);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return storeCallSync('event-store', false, () => this.readStreamSync(streamId, options));
  }

  private readStreamSync(streamId: string, options: ReadStreamOptions): StoredEvent[] {
    const limit = sqlLimit(options.maxCount);
    const rows =
      options.direction === 'backwards'
        ? this.stmt.backwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.stmt.forwards.all(streamId, options.fromRevision ?? 0, limit);
    return (rows as Row[]).map(toEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return storeCallSync('event-store', false, () => this.readAllSync(options));
  }

  private readAllSync(options: ReadAllOptions): StoredEvent[] {
    const prefixes = options.filter?.eventTypePrefixes ?? [];
    const categories = options.filter?.streamCategories ?? [];
    const rows = this.readAllStatement(options.filter).all(
      options.after ?? -1,
      ...prefixes,
      ...categories,
      sqlLimit(options.maxCount),
    );
    return (rows as Row[]).map(toEvent);
  }

  /** Filters run in SQL so a page is a page of matches; one cached statement per filter shape. */
  private readAllStatement(filter: LogFilter | undefined): Database.Statement {
    const p = filter?.eventTypePrefixes?.length ?? 0;
    const c = filter?.streamCategories?.length ?? 0;
    const key = `${p}:${c}`;
    let stmt = this.readAllStatements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(readAllSql(p, c)).raw();
      this.readAllStatements.set(key, stmt);
    }
    return stmt;
  }

  async headPosition(): Promise<number | undefined> {
    return storeCallSync('event-store', false, () => (this.stmt.head.get() as number | null) ?? undefined);
  }

  async lastEventAtOrBefore(position: number): Promise<StoredEvent | undefined> {
    const row = storeCallSync('event-store', false, () => this.stmt.atOrBefore.get(position) as Row | undefined);
    return row && toEvent(row);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    return pollingSubscription((o) => this.readAll(o), this.appended$, options, this.pollMs);
  }

  /**
   * Whether the file can be written now, without writing: a row that needs fresh pages is inserted
   * in a transaction that is always rolled back, so a read-only file (SQLITE_READONLY) or a full
   * one (SQLITE_FULL at the page cap) fails here as an append would, and nothing reaches the log
   * (the rows of an uncommitted transaction never reach the WAL). Waits for another process's
   * write lock at most busy_timeout (the store deadline).
   */
  async ping(): Promise<void> {
    storeCallSync('event-store', false, () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        this.stmt.probe.run();
      } finally {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      }
    });
  }

  /**
   * Test hook: makes this engine's own connection fail as a full disk or a read-only file would,
   * through SQLite itself (the same SQLITE_FULL / SQLITE_READONLY codes, raised by SQLite), since
   * tests run as root and chmod cannot stop root writing. 'storage-full' caps the file at its
   * current page count (PRAGMA max_page_count); 'read-only' sets PRAGMA query_only. 'none' undoes both.
   */
  faultForTests(fault: 'storage-full' | 'read-only' | 'none'): void {
    this.db.pragma(
      `max_page_count = ${fault === 'storage-full' ? (this.db.pragma('page_count', { simple: true }) as number) : 4294967294}`,
    );
    this.db.pragma(`query_only = ${fault === 'read-only' ? 'ON' : 'OFF'}`);
  }

  async close(): Promise<void> {
    if (this.db.open) this.group.flush(); // answer every append already accepted before the handle goes
    this.appended$.complete();
    if (this.db.open) this.db.close();
  }
}

/**
 * By code, not instanceof: the native addon keeps the SqliteError class of the first copy of the
 * module loaded in a process, so a second copy (Jest loads one per test file) has a different class.
 */
function isEventIdConflict(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string' && e.message.includes('events.event_id')
  );
}
