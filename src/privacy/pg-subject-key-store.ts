import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { storeCall } from '../ledger/store-errors';
import { beginOnLiveConnection, inTransaction, queryOnLiveConnection } from '../shared-state/postgres/pg-pool';
import { unwrapKey, wrapKey } from './key-wrapping';
import { keyRef, type KeyRef, type SubjectKey, type SubjectKeys } from './subject-keys.port';

/**
 * Data subjects' keys in the shared PostgreSQL (SHARED_STATE=postgres, migration 3), wrapped as in
 * SQLite (key-wrapping.ts) so the database never holds a usable key without the master key. Every
 * instance reads the one row: nothing unwrapped is cached between requests (cacheable = false), so
 * an erasure through one instance (the rows deleted) is seen by every other at its next read.
 * subject_versions keeps each subject's highest version after erasure, so a number never names two keys.
 */
export class PgSubjectKeyStore implements SubjectKeys {
  readonly cacheable = false;

  constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
  ) {}

  current(subjectId: string): Promise<SubjectKey> {
    return this.write((client) => this.newestOrNew(client, subjectId, false));
  }

  rotate(subjectId: string): Promise<SubjectKey> {
    return this.write((client) => this.newestOrNew(client, subjectId, true));
  }

  async getMany(refs: readonly KeyRef[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    if (refs.length === 0) return found;
    const { rows } = await storeCall('key-store', false, () =>
      queryOnLiveConnection<{ subject_id: string; version: number; wrapped: Buffer }>(
        this.pool,
        `SELECT k.subject_id, k.version, k.wrapped FROM subject_keys k
           JOIN unnest($1::text[], $2::int[]) AS r(subject_id, version) USING (subject_id, version)`,
        [refs.map((r) => r.subjectId), refs.map((r) => r.version)],
      ),
    );
    for (const r of rows)
      found.set(keyRef(r.subject_id, r.version), unwrapKey(this.masterKey, r.subject_id, r.version, r.wrapped));
    return found;
  }

  async liveVersions(subjectId: string): Promise<number[]> {
    const { rows } = await storeCall('key-store', false, () =>
      queryOnLiveConnection<{ version: number }>(
        this.pool,
        'SELECT version FROM subject_keys WHERE subject_id = $1 ORDER BY version',
        [subjectId],
      ),
    );
    return rows.map((r) => r.version);
  }

  async destroy(subjectId: string, version?: number): Promise<number[]> {
    const { rows } = await storeCall('key-store', true, () =>
      queryOnLiveConnection<{ version: number }>(
        this.pool,
        'DELETE FROM subject_keys WHERE subject_id = $1 AND ($2::int IS NULL OR version = $2) RETURNING version',
        [subjectId, version ?? null],
      ),
    );
    return rows.map((r) => r.version).sort((a, b) => a - b);
  }

  /** A write, always rolled back: a read-only or unreachable server fails it. */
  async probe(): Promise<void> {
    await storeCall('key-store', false, async () => {
      const client = await beginOnLiveConnection(this.pool);
      try {
        await client.query(
          "INSERT INTO subject_versions (subject_id, latest) VALUES ('$health-probe', 0) ON CONFLICT DO NOTHING",
        );
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    });
  }

  /** The pool is the shared-state module's: it ends it. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * The subject's row in subject_versions, locked for the transaction, serialises instances making
   * a first key (or rotating) for one subject at once: the second sees the first's key.
   */
  private async newestOrNew(client: PoolClient, subjectId: string, rotate: boolean): Promise<SubjectKey> {
    await client.query(
      'INSERT INTO subject_versions (subject_id, latest) VALUES ($1, 0) ON CONFLICT (subject_id) DO NOTHING',
      [subjectId],
    );
    const { rows } = await client.query<{ latest: number }>(
      'SELECT latest FROM subject_versions WHERE subject_id = $1 FOR UPDATE',
      [subjectId],
    );
    if (!rotate) {
      const live = await client.query<{ version: number; wrapped: Buffer }>(
        'SELECT version, wrapped FROM subject_keys WHERE subject_id = $1 ORDER BY version DESC LIMIT 1',
        [subjectId],
      );
      const newest = live.rows[0];
      if (newest)
        return {
          subjectId,
          version: newest.version,
          key: unwrapKey(this.masterKey, subjectId, newest.version, newest.wrapped),
        };
    }
    const version = rows[0].latest + 1;
    const key = randomBytes(32);
    await client.query('INSERT INTO subject_keys (subject_id, version, wrapped) VALUES ($1, $2, $3)', [
      subjectId,
      version,
      wrapKey(this.masterKey, subjectId, version, key),
    ]);
    await client.query('UPDATE subject_versions SET latest = $2 WHERE subject_id = $1', [subjectId, version]);
    return { subjectId, version, key };
  }

  private write<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return storeCall('key-store', true, () => inTransaction(this.pool, work));
  }
}
