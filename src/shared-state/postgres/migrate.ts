import type { Pool, PoolClient } from 'pg';
import { MIGRATIONS, type Migration } from './migrations';

/** Any fixed 64-bit number: instances booting together queue on it instead of racing to migrate. */
const MIGRATION_LOCK = 7_424_601_173;

/**
 * Brings the shared-state schema up to date at boot. Several instances may start at once: the
 * advisory lock makes the second wait and then find nothing left to do. A database already ahead
 * of this build (a newer instance migrated it) is refused, not silently used.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await applyPending(client, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function applyPending(client: PoolClient, migrations: readonly Migration[]): Promise<number[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS shared_state_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM shared_state_migrations');
  const applied = new Set(rows.map((r) => r.version));
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const ahead = [...applied].filter((v) => v > newest);
  if (ahead.length > 0) {
    throw new Error(
      `The shared-state database has migration ${Math.max(...ahead)}, newer than this build knows (${newest})`,
    );
  }
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(m.sql);
      await client.query('INSERT INTO shared_state_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    done.push(m.version);
  }
  return done;
}
