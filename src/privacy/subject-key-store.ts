import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { storeCallSync } from '../ledger/store-errors';
import { unwrapKey, wrapKey } from './key-wrapping';
import { keyRef, type KeyRef, type SubjectKey, type SubjectKeys } from './subject-keys.port';

export type { SubjectKey };

/**
 * Data subjects' keys, apart from the event log (a file of their own, <dataDir>/keys.sqlite, or
 * memory): the ledger can be copied, backed up or handed over without them, and destroying a row
 * here is what erases a person. Each key is stored wrapped under the master key (key-wrapping.ts).
 * secure_delete overwrites destroyed rows, so the bytes do not linger in free pages. One instance
 * only: its keys may be cached (this instance is the only one that destroys them).
 */
export class SubjectKeyStore implements SubjectKeys {
  readonly cacheable = true;
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly masterKey: Buffer,
    deadlineMs = 5000,
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma(`busy_timeout = ${Math.floor(deadlineMs)}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS subject_keys (subject_id TEXT NOT NULL, version INTEGER NOT NULL, wrapped BLOB NOT NULL, PRIMARY KEY (subject_id, version));
      -- The highest version ever made, kept after erasure so a version number never names two keys.
      CREATE TABLE IF NOT EXISTS subject_versions (subject_id TEXT PRIMARY KEY, latest INTEGER NOT NULL);
    `);
  }

  /** The subject's newest live key, made (version latest+1) when it has none. */
  current(subjectId: string): Promise<SubjectKey> {
    return settle(() => storeCallSync('key-store', true, () => this.currentOrThrow(subjectId)));
  }

  private currentOrThrow(subjectId: string): SubjectKey {
    const row = this.db
      .prepare('SELECT version, wrapped FROM subject_keys WHERE subject_id = ? ORDER BY version DESC LIMIT 1')
      .get(subjectId) as { version: number; wrapped: Buffer } | undefined;
    return row
      ? { subjectId, version: row.version, key: unwrapKey(this.masterKey, subjectId, row.version, row.wrapped) }
      : this.rotateOrThrow(subjectId);
  }

  /** A new key version: for a rectification, so the superseded value can be erased on its own. */
  rotate(subjectId: string): Promise<SubjectKey> {
    return settle(() => storeCallSync('key-store', true, () => this.rotateOrThrow(subjectId)));
  }

  private rotateOrThrow(subjectId: string): SubjectKey {
    return this.db.transaction(() => {
      const latest =
        (
          this.db.prepare('SELECT latest FROM subject_versions WHERE subject_id = ?').get(subjectId) as
            { latest: number } | undefined
        )?.latest ?? 0;
      const version = latest + 1;
      const key = randomBytes(32);
      this.db
        .prepare('INSERT INTO subject_keys (subject_id, version, wrapped) VALUES (?, ?, ?)')
        .run(subjectId, version, wrapKey(this.masterKey, subjectId, version, key));
      this.db
        .prepare(
          'INSERT INTO subject_versions (subject_id, latest) VALUES (?, ?) ON CONFLICT(subject_id) DO UPDATE SET latest = excluded.latest',
        )
        .run(subjectId, version);
      return { subjectId, version, key };
    })();
  }

  /** The key of one version, or undefined once destroyed (or never made). */
  get(subjectId: string, version: number): Promise<Buffer | undefined> {
    return settle(() => this.getSync(subjectId, version));
  }

  getMany(refs: readonly KeyRef[]): Promise<Map<string, Buffer>> {
    return settle(() => {
      const found = new Map<string, Buffer>();
      for (const { subjectId, version } of refs) {
        const key = this.getSync(subjectId, version);
        if (key) found.set(keyRef(subjectId, version), key);
      }
      return found;
    });
  }

  private getSync(subjectId: string, version: number): Buffer | undefined {
    const row = storeCallSync('key-store', false, () =>
      this.db.prepare('SELECT wrapped FROM subject_keys WHERE subject_id = ? AND version = ?').get(subjectId, version),
    ) as { wrapped: Buffer } | undefined;
    return row && unwrapKey(this.masterKey, subjectId, version, row.wrapped);
  }

  /** Versions whose keys still exist, oldest first. */
  liveVersions(subjectId: string): Promise<number[]> {
    return settle(() => this.liveVersionsSync(subjectId));
  }

  private liveVersionsSync(subjectId: string): number[] {
    const rows = storeCallSync('key-store', false, () =>
      this.db.prepare('SELECT version FROM subject_keys WHERE subject_id = ? ORDER BY version').all(subjectId),
    );
    return (rows as { version: number }[]).map((r) => r.version);
  }

  /** Destroys one version, or all; returns the versions destroyed. Destroying what is gone is a no-op. */
  destroy(subjectId: string, version?: number): Promise<number[]> {
    return settle(() => this.destroySync(subjectId, version));
  }

  private destroySync(subjectId: string, version?: number): number[] {
    const versions = this.liveVersionsSync(subjectId).filter((v) => version === undefined || v === version);
    storeCallSync('key-store', true, () => {
      for (const v of versions)
        this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ? AND version = ?').run(subjectId, v);
      if (versions.length) this.db.pragma('wal_checkpoint(TRUNCATE)'); // the WAL would otherwise still hold the rows
    });
    return versions;
  }

  /** For /health: a write that needs fresh pages, always rolled back (a read-only or full file fails it). */
  probe(): Promise<void> {
    return settle(() => this.probeSync());
  }

  private probeSync(): void {
    storeCallSync('key-store', false, () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        this.db
          .prepare(
            "INSERT INTO subject_keys (subject_id, version, wrapped) VALUES ('$health-probe', 0, zeroblob(70000))",
          )
          .run();
      } finally {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      }
    });
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

/** A synchronous SQLite call as the port's promise: a fault rejects it, as an async store's would. */
function settle<T>(call: () => T): Promise<T> {
  return new Promise((resolve) => resolve(call()));
}
