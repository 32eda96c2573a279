import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { storeCallSync } from '../ledger/store-errors';

export interface SubjectKey {
  subjectId: string;
  version: number;
  key: Buffer;
}

/**
 * Data subjects' keys, apart from the event log (a file of their own, <dataDir>/keys.sqlite, or
 * memory): the ledger can be copied, backed up or handed over without them, and destroying a row
 * here is what erases a person. Each key is stored wrapped (AES-256-GCM) under the master key, with
 * the subject and version as additional authenticated data so a wrapped key cannot be swapped for
 * another subject's. secure_delete overwrites destroyed rows, so the bytes do not linger in free pages.
 */
export class SubjectKeyStore {
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
  current(subjectId: string): SubjectKey {
    return storeCallSync('key-store', true, () => this.currentOrThrow(subjectId));
  }

  private currentOrThrow(subjectId: string): SubjectKey {
    const row = this.db
      .prepare('SELECT version, wrapped FROM subject_keys WHERE subject_id = ? ORDER BY version DESC LIMIT 1')
      .get(subjectId) as { version: number; wrapped: Buffer } | undefined;
    return row
      ? { subjectId, version: row.version, key: this.unwrap(subjectId, row.version, row.wrapped) }
      : this.rotate(subjectId);
  }

  /** A new key version: for a rectification, so the superseded value can be erased on its own. */
  rotate(subjectId: string): SubjectKey {
    return storeCallSync('key-store', true, () => this.rotateOrThrow(subjectId));
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
        .run(subjectId, version, this.wrap(subjectId, version, key));
      this.db
        .prepare(
          'INSERT INTO subject_versions (subject_id, latest) VALUES (?, ?) ON CONFLICT(subject_id) DO UPDATE SET latest = excluded.latest',
        )
        .run(subjectId, version);
      return { subjectId, version, key };
    })();
  }

  /** The key of one version, or undefined once destroyed (or never made). */
  get(subjectId: string, version: number): Buffer | undefined {
    const row = storeCallSync('key-store', false, () =>
      this.db.prepare('SELECT wrapped FROM subject_keys WHERE subject_id = ? AND version = ?').get(subjectId, version),
    ) as { wrapped: Buffer } | undefined;
    return row && this.unwrap(subjectId, version, row.wrapped);
  }

  /** Versions whose keys still exist, oldest first. */
  liveVersions(subjectId: string): number[] {
    const rows = storeCallSync('key-store', false, () =>
      this.db.prepare('SELECT version FROM subject_keys WHERE subject_id = ? ORDER BY version').all(subjectId),
    );
    return (rows as { version: number }[]).map((r) => r.version);
  }

  /** Destroys one version, or all; returns the versions destroyed. Destroying what is gone is a no-op. */
  destroy(subjectId: string, version?: number): number[] {
    const versions = this.liveVersions(subjectId).filter((v) => version === undefined || v === version);
    storeCallSync('key-store', true, () => {
      for (const v of versions)
        this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ? AND version = ?').run(subjectId, v);
      if (versions.length) this.db.pragma('wal_checkpoint(TRUNCATE)'); // the WAL would otherwise still hold the rows
    });
    return versions;
  }

  /** For /health: a write that needs fresh pages, always rolled back (a read-only or full file fails it). */
  probe(): void {
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

  close(): void {
    this.db.close();
  }

  private wrap(subjectId: string, version: number, key: Buffer): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.masterKey, iv).setAAD(Buffer.from(`${subjectId}\n${version}`));
    const ct = Buffer.concat([c.update(key), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), ct]);
  }

  private unwrap(subjectId: string, version: number, wrapped: Buffer): Buffer {
    const d = createDecipheriv('aes-256-gcm', this.masterKey, wrapped.subarray(0, 12)).setAAD(
      Buffer.from(`${subjectId}\n${version}`),
    );
    d.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([d.update(wrapped.subarray(28)), d.final()]);
  }
}
