import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { storeCallSync } from '../../ledger/store-errors';
import type { IdempotencyStore, StoredResponse } from './idempotency.store';

/** Idempotency records in their own small SQLite file beside the ledger (not in the ledger: they are not facts). */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly select;
  private readonly insert;

  constructor(file: string, deadlineMs = 5000) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`busy_timeout = ${Math.floor(deadlineMs)}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      scope TEXT NOT NULL, key TEXT NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT (datetime('now')),
      PRIMARY KEY (scope, key))`);
    this.select = this.db.prepare<[string, string], { response: string }>(
      'SELECT response FROM idempotency WHERE scope = ? AND key = ?',
    );
    this.insert = this.db.prepare('INSERT OR IGNORE INTO idempotency (scope, key, response) VALUES (?, ?, ?)');
  }

  get(scope: string, key: string): StoredResponse | undefined {
    const row = storeCallSync('idempotency-store', false, () => this.select.get(scope, key));
    return row ? (JSON.parse(row.response) as StoredResponse) : undefined;
  }

  put(scope: string, key: string, response: StoredResponse): void {
    storeCallSync('idempotency-store', true, () => this.insert.run(scope, key, JSON.stringify(response)));
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
