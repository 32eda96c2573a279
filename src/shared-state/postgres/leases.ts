import type { Pool, PoolClient } from 'pg';
import { beginOnLiveConnection, queryOnLiveConnection } from './pg-pool';

/** A lease held: the fencing token goes with every write the holder makes under it. */
export interface HeldLease {
  readonly name: string;
  readonly holder: string;
  readonly token: bigint;
}

/** A write under a lease that has since passed to someone else (or lapsed): refused, not applied. */
export class FencedOutError extends Error {
  constructor(
    readonly lease: string,
    readonly token: bigint,
  ) {
    super(`The lease "${lease}" is no longer held with token ${token}: the write was refused`);
  }
}

/**
 * Leadership for schedules and queues across instances, judged by PostgreSQL's clock (instances'
 * clocks may differ; the database's is the one both sides read). acquire() takes a free or lapsed
 * lease, raising its fencing token, or renews the caller's own without changing the token.
 */
export class PgLeases {
  constructor(private readonly pool: Pool) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<HeldLease | undefined> {
    const { rows } = await queryOnLiveConnection<{ token: string }>(
      this.pool,
      `INSERT INTO leases AS l (name, holder, token, acquired_at, expires_at)
         VALUES ($1, $2, 1, now(), now() + make_interval(secs => $3::double precision / 1000))
       ON CONFLICT (name) DO UPDATE SET
         token = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > now() THEN l.token ELSE l.token + 1 END,
         acquired_at = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > now() THEN l.acquired_at ELSE now() END,
         holder = EXCLUDED.holder,
         expires_at = EXCLUDED.expires_at
       WHERE l.holder = EXCLUDED.holder OR l.expires_at <= now()
       RETURNING token`,
      [name, holder, ttlMs],
    );
    return rows[0] ? { name, holder, token: BigInt(rows[0].token) } : undefined;
  }

  /** Gives the lease up at once (a clean shutdown), so the next instance need not wait out its time. */
  async release(lease: HeldLease): Promise<void> {
    await queryOnLiveConnection(
      this.pool,
      'UPDATE leases SET expires_at = now() WHERE name = $1 AND holder = $2 AND token = $3',
      [lease.name, lease.holder, lease.token.toString()],
    );
  }

  /**
   * Runs `write` in one transaction that first confirms the lease is still held with this token and
   * unexpired, holding the row so no takeover can land until the write commits. A deposed leader's
   * late write throws FencedOutError and changes nothing.
   */
  async fenced<T>(lease: HeldLease, write: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await beginOnLiveConnection(this.pool);
    try {
      const { rows } = await client.query(
        'SELECT 1 FROM leases WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > now() FOR SHARE',
        [lease.name, lease.holder, lease.token.toString()],
      );
      if (rows.length === 0) throw new FencedOutError(lease.name, lease.token);
      const result = await write(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A connection that failed mid-transaction is not handed to the next caller.
      client.release(error instanceof FencedOutError ? undefined : error instanceof Error ? error : true);
      throw error;
    }
  }
}
