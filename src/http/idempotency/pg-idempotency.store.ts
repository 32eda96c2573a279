import type { Pool } from 'pg';
import { storeCall } from '../../ledger/store-errors';
import { queryOnLiveConnection } from '../../shared-state/postgres/pg-pool';
import { DEFAULT_RETENTION, windowStart } from './idempotency.store';
import type { IdempotencyStore, RetentionWindow, StoredResponse } from './idempotency.store';

/**
 * Idempotency records in the shared PostgreSQL (SHARED_STATE=postgres), so a retry that a load
 * balancer sends to another instance is answered as the first was. The first answer kept wins, as
 * in the SQLite store: two instances racing on one key both recorded the same events (their ids
 * derive from the key), and the row says which answer the caller is given from now on. Times are the
 * injected clock's, not the database's, so the window is counted alike on every instance.
 */
export class PgIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly pool: Pool,
    private readonly window: RetentionWindow = DEFAULT_RETENTION,
  ) {}

  async get(scope: string, key: string): Promise<StoredResponse | undefined> {
    const { rows } = await storeCall('idempotency-store', false, () =>
      queryOnLiveConnection<{ response: StoredResponse }>(
        this.pool,
        'SELECT response FROM idempotency WHERE scope = $1 AND key = $2 AND created_at >= $3',
        [scope, key, windowStart(this.window)],
      ),
    );
    return rows[0]?.response;
  }

  async put(scope: string, key: string, response: StoredResponse): Promise<void> {
    await storeCall('idempotency-store', true, () =>
      queryOnLiveConnection(
        this.pool,
        `INSERT INTO idempotency (scope, key, response, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope, key) DO UPDATE SET response = EXCLUDED.response, created_at = EXCLUDED.created_at
         WHERE idempotency.created_at < $5`,
        [scope, key, JSON.stringify(response), this.window.clock.now(), windowStart(this.window)],
      ),
    );
  }

  /** One statement: the leader of the prune schedule runs it, and rows are small (one answer each). */
  async prune(): Promise<number> {
    const { rowCount } = await storeCall('idempotency-store', true, () =>
      queryOnLiveConnection(this.pool, 'DELETE FROM idempotency WHERE created_at < $1', [windowStart(this.window)]),
    );
    return rowCount ?? 0;
  }

  /** Reachable and writable: a hot standby (read-only) cannot keep a record. */
  async probe(): Promise<void> {
    await storeCall('idempotency-store', false, async () => {
      const { rows } = await queryOnLiveConnection<{ standby: boolean }>(
        this.pool,
        'SELECT pg_is_in_recovery() AS standby',
        [],
      );
      // 25006 read_only_sql_transaction: what a write to the standby would have been refused with.
      if (rows[0]?.standby) throw Object.assign(new Error('PostgreSQL is a read-only standby'), { code: '25006' });
    });
  }
}
