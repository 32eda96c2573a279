import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';

/**
 * The one way the service opens PostgreSQL. An idle pooled connection that the server ends (a
 * restart, a failover, an administrator) emits 'error' on the pool; unhandled, that kills the
 * process. The pool has already discarded that client and the next query opens a fresh one, so the
 * error is only reported.
 */
export function openSharedStatePool(
  connectionString: string,
  onIdleError: (error: Error) => void,
  options: { max?: number; deadlineMs?: number } = {},
): Pool {
  // Loaded here, not at import: an embedded-state service (the default) never opens PostgreSQL, and
  // loading pg was ~40 ms of its start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Pool: PgPool } = require('pg') as typeof import('pg');
  // The store deadline bounds both waiting for a connection and each statement (STORE_DEADLINE_MS).
  const pool = new PgPool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.deadlineMs,
    statement_timeout: options.deadlineMs,
  });
  pool.on('error', onIdleError);
  return pool;
}

// SQLSTATE classes and socket errors that mean "this connection is gone", not "this statement failed".
const CONNECTION_LOST_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNRESET',
  'EPIPE',
]);

export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && CONNECTION_LOST_CODES.has(code)) || /Connection terminated/i.test(error.message);
}

/**
 * A pooled connection can be dead without the pool knowing yet (the server restarted since it was
 * last used); after a restart every idle one is. Checks one out and opens a transaction on it; if
 * the connection turns out to be gone, discards it and tries the next, at most once per pooled
 * connection plus one fresh. Nothing has been sent but BEGIN, so trying again is safe.
 */
export async function beginOnLiveConnection(pool: Pool): Promise<PoolClient> {
  const attempts = pool.totalCount + 1;
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      return client;
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      if (attempt >= attempts || !isConnectionLost(error)) throw error;
    }
  }
}

/** One statement in a transaction of its own, on a live connection (see beginOnLiveConnection). */
export async function queryOnLiveConnection<R extends QueryResultRow>(
  pool: Pool,
  text: string,
  values: unknown[],
): Promise<QueryResult<R>> {
  return inTransaction(pool, (client) => client.query<R>(text, values));
}

/** `work` in one transaction on a live connection: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await beginOnLiveConnection(pool);
  try {
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
