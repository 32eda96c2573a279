import type { Pool } from 'pg';
import { openSharedStatePool } from '../../src/shared-state/postgres/pg-pool';
import { migrate } from '../../src/shared-state/postgres/migrate';
import { MIGRATIONS } from '../../src/shared-state/postgres/migrations';
import { FencedOutError, PgLeases } from '../../src/shared-state/postgres/leases';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres/throwaway-postgres';

// A real PostgreSQL 15, started by this file (initdb + pg_ctl on a temp dir and a free port).
describe('shared state in PostgreSQL: migrations and leases with fencing tokens', () => {
  let pg: ThrowawayPostgres;
  let pool: Pool;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    pool = openSharedStatePool(pg.url, () => undefined, { max: 8 });
  });
  afterAll(async () => {
    await pool?.end();
    await pg?.stop();
  });

  const leaseRow = async (name: string) =>
    (await pool.query('SELECT holder, token::text AS token FROM leases WHERE name = $1', [name])).rows[0] as
      { holder: string; token: string } | undefined;
  // Lapses a lease now, by the database's own clock, instead of waiting out its time.
  const lapse = (name: string) =>
    pool.query("UPDATE leases SET expires_at = now() - interval '1 second' WHERE name = $1", [name]);

  describe('migrations', () => {
    it('given three instances booting at once, when each migrates, then every step is applied exactly once', async () => {
      const results = await Promise.all([migrate(pool), migrate(pool), migrate(pool)]);
      expect(results.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
      const { rows } = await pool.query('SELECT version FROM shared_state_migrations ORDER BY version');
      expect(rows.map((r: { version: number }) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('given a database migrated by a newer build, when this build migrates, then it refuses to run against it', async () => {
      await pool.query("INSERT INTO shared_state_migrations (version, name) VALUES (999, 'from the future')");
      try {
        await expect(migrate(pool)).rejects.toThrow(/migration 999, newer than this build/);
      } finally {
        await pool.query('DELETE FROM shared_state_migrations WHERE version = 999');
      }
    });

    it('given a step that fails, when migrating, then nothing of it stays and it is not recorded', async () => {
      const next = Math.max(...MIGRATIONS.map((m) => m.version)) + 1;
      const broken = [
        ...MIGRATIONS,
        { version: next, name: 'half a step', sql: 'CREATE TABLE half (x int); SELECT 1/0' },
      ];
      await expect(migrate(pool, broken)).rejects.toThrow(/division by zero/);
      const half = await pool.query("SELECT to_regclass('half') AS t");
      expect(half.rows[0]).toEqual({ t: null });
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM shared_state_migrations WHERE version = $1', [
        next,
      ]);
      expect(rows[0]).toEqual({ n: 0 });
    });
  });

  describe('leases', () => {
    let leases: PgLeases;
    beforeAll(async () => {
      await migrate(pool);
      leases = new PgLeases(pool);
    });

    it('given a free lease and two instances asking at once, then exactly one holds it', async () => {
      const [a, b] = await Promise.all([
        leases.acquire('digests', 'A', 30_000),
        leases.acquire('digests', 'B', 30_000),
      ]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect((await leaseRow('digests'))?.holder).toBe((a ?? b)?.holder);
    });

    it('given a lease held and unexpired, when its holder renews, then the token is unchanged; when another asks, it is refused', async () => {
      const first = await leases.acquire('retention', 'A', 30_000);
      const renewed = await leases.acquire('retention', 'A', 30_000);
      expect(renewed?.token).toBe(first?.token);
      expect(await leases.acquire('retention', 'B', 30_000)).toBeUndefined();
    });

    it('given the holder stopped renewing and the lease lapsed, when another asks, then it takes over with a higher token', async () => {
      const a = await leases.acquire('packs', 'A', 30_000);
      await lapse('packs');
      const b = await leases.acquire('packs', 'B', 30_000);
      expect(b?.holder).toBe('B');
      expect(b!.token > a!.token).toBe(true);
    });

    it('given a deposed leader, when it writes late under its old token, then the write is refused and changes nothing', async () => {
      await pool.query('CREATE TABLE IF NOT EXISTS fenced_writes (what text)');
      const a = (await leases.acquire('schedule', 'A', 30_000))!;
      await lapse('schedule');
      const b = (await leases.acquire('schedule', 'B', 30_000))!;

      await expect(
        leases.fenced(a, (c) => c.query("INSERT INTO fenced_writes VALUES ('late A')")),
      ).rejects.toBeInstanceOf(FencedOutError);
      await leases.fenced(b, (c) => c.query("INSERT INTO fenced_writes VALUES ('B')"));
      const { rows } = await pool.query('SELECT what FROM fenced_writes');
      expect(rows).toEqual([{ what: 'B' }]);
    });

    it('given a holder that released its lease, when another asks, then it is taken at once', async () => {
      const a = (await leases.acquire('integrity', 'A', 30_000))!;
      await leases.release(a);
      expect((await leases.acquire('integrity', 'B', 30_000))?.holder).toBe('B');
    });

    it('given PostgreSQL restarted under a held lease, when the holder renews, then the lease and its token survived', async () => {
      const a = (await leases.acquire('survives', 'A', 60_000))!;
      await pg.restart();
      const renewed = await leases.acquire('survives', 'A', 60_000);
      expect(renewed?.token).toBe(a.token);
      // The pooled connections the restart ended reach either the pool's error handler (idle ones)
      // or beginOnLiveConnection (the one checked out first), which of the two depends on timing;
      // neither is thrown at the process, or this file would not get here.
    });
  });
});
