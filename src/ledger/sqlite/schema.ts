import type Database from 'better-sqlite3';
import { BOUND_LIMIT } from '../../shared/bound-limit';
import type { EventMetadata, StoredEvent } from '../event-envelope';

/**
 * One table, the global log. `position` is the rowid: SQLite hands out max(rowid)+1, which only
 * ever grows because the ledger never deletes. UNIQUE(stream_id, revision) is both the guard
 * against two writers claiming one revision and the index every stream read and tail lookup uses.
 * No index on `type`: the prefix filter runs while paging in position order, where an index on
 * type would not be used, and each extra index costs every append (the one on the category, below,
 * pays for itself at start-up).
 */
export const EVENTS_DDL = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    event_id       TEXT    NOT NULL UNIQUE,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT,             -- NULL only for an event whose data was undefined
    metadata       TEXT    NOT NULL,
    prev_hash      TEXT    NOT NULL,
    hash           TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

/**
 * The log by stream category, in position order: a filtered read (the pack queue's requests, the
 * data subjects' erasures, a digest's category) seeks to its own events after `position` instead of
 * scanning every event after it, so the readers that start at boot from the beginning of the log
 * cost what their category holds, not the length of the log (BENCHMARKS.md, Start-up). Its
 * expression is CATEGORY_SQL, which the filter uses, so SQLite matches the two. An existing ledger
 * gets it on its first open (a one-off pass over the log: ~2 s at 1,000,000 events).
 */
const CATEGORY_INDEX_DDL = (category: string) =>
  `CREATE INDEX IF NOT EXISTS events_by_category ON events (${category}, position)`;

export type Synchronous = 'FULL' | 'NORMAL';

/**
 * WAL lets readers run beside the single writer. FULL syncs the WAL on every commit, so an
 * acknowledged append survives power loss (NORMAL may lose the last commits, never corrupt).
 * busy_timeout makes a second process on the same file wait for the write lock, not fail, for
 * at most the store deadline (STORE_DEADLINE_MS); then SQLITE_BUSY answers 503 store-busy.
 */
export function configure(db: Database.Database, synchronous: Synchronous, busyTimeoutMs = 5000): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.exec(EVENTS_DDL);
  db.exec(CATEGORY_INDEX_DDL(CATEGORY_SQL));
}

/** Column order shared by every SELECT and by `toEvent` (rows are read as arrays: no key lookups). */
export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash';

export type Row = [number, string, number, string, string, number, string | null, string, string, string];

/** streamCategory() in SQL: the stream id up to its first '-', or all of it. */
export const CATEGORY_SQL =
  "CASE instr(stream_id, '-') WHEN 0 THEN stream_id ELSE substr(stream_id, 1, instr(stream_id, '-') - 1) END";

/**
 * A page of the log after a position, with `prefixes` type prefixes OR-ed and `categories` stream
 * categories OR-ed (parameters in that order, then the limit). The category test is CATEGORY_SQL,
 * the expression of the events_by_category index, so a filtered read seeks rather than scans.
 */
export function readAllSql(prefixes: number, categories: number): string {
  const where = ['position > ?'];
  // instr(...) = 1 is a case-sensitive startsWith; LIKE would ignore ASCII case and treat % and _ as wildcards.
  if (prefixes) where.push(`(${Array(prefixes).fill('instr(type, ?) = 1').join(' OR ')})`);
  if (categories) where.push(`${CATEGORY_SQL} IN (${Array(categories).fill('?').join(', ')})`);
  return `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position ${BOUND_LIMIT}`;
}

/** Builds a fresh envelope per row: nothing is shared between reads, so no defensive cloning is needed. */
export function toEvent(r: Row): StoredEvent {
  return {
    id: r[3],
    streamId: r[1],
    revision: r[2],
    position: r[0],
    type: r[4],
    schemaVersion: r[5],
    data: r[6] === null ? undefined : JSON.parse(r[6]),
    metadata: JSON.parse(r[7]) as EventMetadata,
    integrity: { prevHash: r[8], hash: r[9] },
  };
}

/**
 * SQLite positions are the events table's rowids: it is never deleted from, so they run 1, 2, 3...
 * with no gap, and a missing one was deleted behind the engine's back (verify-store checks this).
 */
export const SQLITE_ROWIDS = { first: 1, next: (rowid: number) => rowid + 1, previous: (rowid: number) => rowid - 1 };
