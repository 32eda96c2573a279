import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Documents in a rowid table with a unique index on (projection, key), not a WITHOUT ROWID table
 * keyed by it: rewriting a 0.5-2 KB document in place leaves the index alone, where an index-organised
 * row that size moves B-tree cells about on every write (2-4x slower per write, measured in
 * BENCHMARKS.md, Projections). `stamp`: the position of the event that last changed the document,
 * for the snapshots (as-of/snapshot-layers.ts).
 */
const DDL = `
  CREATE TABLE IF NOT EXISTS documents (
    projection TEXT NOT NULL,
    key        TEXT NOT NULL,
    doc        TEXT NOT NULL,
    stamp      INTEGER NOT NULL DEFAULT -1
  );
  CREATE UNIQUE INDEX IF NOT EXISTS documents_by_key ON documents (projection, key);
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    position   INTEGER
  );
  CREATE TABLE IF NOT EXISTS switch_overs (
    projection  TEXT PRIMARY KEY,
    replaced_at INTEGER NOT NULL
  );`;

/**
 * The file layout's version (PRAGMA user_version). A file of an earlier layout is emptied on open:
 * read models are derived data, so every projection simply rebuilds from the ledger. 3: documents
 * stamped with the position that wrote them, snapshots by copy on write.
 */
const FORMAT = 3;

/**
 * Opens (creating it if need be) the read models' SQLite file, or ':memory:', in the current layout:
 * a file of an earlier layout is emptied first. WAL with NORMAL sync, as the store's commits assume.
 */
export function openReadModelFile(file: string, busyTimeoutMs: number): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // A new file gets 16 KB pages (before WAL fixes the size): fewer, larger writes per commit, and
  // documents of a few KB (an escalation's timeline) still fit in their page.
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
  // 64 MB of page cache: catch-up reads back the documents it wrote a batch ago (the default is 2 MB).
  db.pragma('cache_size = -65536');
  if ((db.pragma('user_version', { simple: true }) as number) < FORMAT) {
    for (const table of [
      'documents',
      'checkpoints',
      'switch_overs',
      'snapshots',
      'snapshot_dirty',
      'snapshot_tracked',
      'snapshot_docs',
      'snapshot_counts',
      'log_times',
    ])
      db.exec(`DROP TABLE IF EXISTS ${table}`);
    db.pragma(`user_version = ${FORMAT}`);
  }
  db.exec(DDL);
  return db;
}
