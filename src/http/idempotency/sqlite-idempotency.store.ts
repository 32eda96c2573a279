import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { storeCallSync } from '../../ledger/store-errors';
import { BOUND_LIMIT } from '../../shared/bound-limit';
import {
  DEFAULT_RETENTION,
  windowStart,
  type IdempotencyStore,
  type RetentionWindow,
  type StoredResponse,
} from './idempotency.store';

/** Rows deleted per statement: a long backlog is pruned without holding the write lock for long. */
const PRUNE_BATCH = 5000;

/**
 * SQLite's own datetime() text ('YYYY-MM-DD HH:MM:SS', here with milliseconds), so rows kept before
 * the clock stamped them (by the column default) compare in order with the ones it stamps.
 */
const sqliteTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** Idempotency records in their own small SQLite file beside the ledger (not in the ledger: they are not facts). */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly select;
  private readonly upsert;
  private readonly deleteBatch;

  constructor(
    file: string,
    deadlineMs = 5000,
    private readonly window: RetentionWindow = DEFAULT_RETENTION,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`busy_timeout = ${Math.floor(deadlineMs)}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      scope TEXT NOT NULL, key TEXT NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')),
      PRIMARY KEY (scope, key));
      CREATE INDEX IF NOT EXISTS idempotency_created_at ON idempotency (created_at)`);
    this.select = this.db.prepare<[string, string, string], { response: string }>(
      'SELECT response FROM idempotency WHERE scope = ? AND key = ? AND created_at >= ?',
    );
    this.upsert = this.db.prepare<[string, string, string, string, string]>(
      `INSERT INTO idempotency (scope, key, response, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, key) DO UPDATE SET response = excluded.response, created_at = excluded.created_at
       WHERE idempotency.created_at < ?`,
    );
    this.deleteBatch = this.db.prepare<[string, number]>(
      `DELETE FROM idempotency WHERE rowid IN (SELECT rowid FROM idempotency WHERE created_at < ? ${BOUND_LIMIT})`,
    );
  }

  get(scope: string, key: string): StoredResponse | undefined {
    const since = sqliteTime(windowStart(this.window));
    const row = storeCallSync('idempotency-store', false, () => this.select.get(scope, key, since));
    return row ? (JSON.parse(row.response) as StoredResponse) : undefined;
  }

  put(scope: string, key: string, response: StoredResponse): void {
    const at = sqliteTime(this.window.clock.now());
    const since = sqliteTime(windowStart(this.window));
    storeCallSync('idempotency-store', true, () => this.upsert.run(scope, key, JSON.stringify(response), at, since));
  }

  prune(): number {
    const before = sqliteTime(windowStart(this.window));
    let pruned = 0;
    for (let n = PRUNE_BATCH; n === PRUNE_BATCH; pruned += n)
      n = storeCallSync('idempotency-store', true, () => this.deleteBatch.run(before, PRUNE_BATCH).changes);
    return pruned;
  }

  /** A record needing fresh pages, inserted and always rolled back: a read-only or full file fails it. */
  probe(): void {
    storeCallSync('idempotency-store', false, () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        this.db
          .prepare("INSERT INTO idempotency (scope, key, response) VALUES ('$health-probe', '', zeroblob(70000))")
          .run();
      } finally {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      }
    });
  }

  close(): void {
    this.db.close();
  }
}
