import type Database from 'better-sqlite3';

/**
 * Test support: makes a SQLite-backed store fail as a full disk or a read-only file would, through
 * SQLite itself on the store's OWN connection, so the engine meets the very error codes
 * (SQLITE_FULL, SQLITE_READONLY) a real fault raises.
 *
 * - 'storage-full': PRAGMA max_page_count = the file's current page count. A write that needs a
 *   new page fails with SQLITE_FULL ("database or disk is full"); one that fits in a page with room
 *   still succeeds, as on a real disk with a little space left in the file.
 * - 'read-only': PRAGMA query_only = ON. Every write fails with SQLITE_READONLY ("attempt to write
 *   a readonly database"). chmod would not do: the tests and CI run as root, whom file permissions
 *   do not stop. (A real read-only mount also fails reads that need to write the WAL index; this
 *   simulation leaves reads working.)
 * - 'none': both undone.
 *
 * The connection is the store's private `db` (every SQLite store here keeps its connection
 * there); reaching it is the narrow test hook, checked so a rename fails loudly rather than
 * silently testing nothing.
 */
export type SqliteFault = 'storage-full' | 'read-only' | 'none';

export function sqliteFault(store: object, fault: SqliteFault): void {
  const db = (store as { db?: Database.Database }).db;
  if (!db || typeof db.pragma !== 'function')
    throw new Error(`${store.constructor.name} holds no better-sqlite3 connection in 'db'`);
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${fault === 'storage-full' ? pages : 4294967294}`);
  db.pragma(`query_only = ${fault === 'read-only' ? 'ON' : 'OFF'}`);
}
