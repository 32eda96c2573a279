import type { Pool } from 'pg';
import { storeCall } from '../../ledger/store-errors';
import { queryOnLiveConnection } from '../../shared-state/postgres/pg-pool';
import type { IdempotencyStore, StoredResponse } from './idempotency.store';

/**
 * Idempotency records in the shared PostgreSQL (SHARED_STATE=postgres), so a retry that a load
 * balancer sends to another instance is answered as the first was. The first answer kept wins, as
 * in the SQLite store: two instances racing on one key both recorded the same events (their ids
 * derive from the key), and the row says which answer the caller is given from now on.
 */
export class PgIdempotencyStore implements IdempotencyStore {
  constructor(private readonly pool: Pool) {}

  async get(scope: string, key: string): Promise<StoredResponse | undefined> {
    const { rows } = await storeCall('idempotency-store', false, () =>
      queryOnLiveConnection<{ response: StoredResponse }>(
        this.pool,
        'SELECT response FROM idempotency WHERE scope = $1 AND key = $2',
        [scope, key],
      ),
    );
    return rows[0]?.response;
  }

  async put(scope: string, key: string, response: StoredResponse): Promise<void> {
    await storeCall('idempotency-store', true, () =>
      queryOnLiveConnection(
        this.pool,
        'INSERT INTO idempotency (scope, key, response) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [scope, key, JSON.stringify(response)],
      ),
    );
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
