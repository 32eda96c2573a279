import type { Pool } from 'pg';
import { PgIdempotencyStore } from '../../src/http/idempotency/pg-idempotency.store';
import { ManualClock } from '../../src/shared/clock';
import { migrate } from '../../src/shared-state/postgres/migrate';
import { MIGRATIONS } from '../../src/shared-state/postgres/migrations';
import { openSharedStatePool } from '../../src/shared-state/postgres/pg-pool';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres/throwaway-postgres';

// A real PostgreSQL 15, started by this file.
describe('idempotency records in PostgreSQL', () => {
  let pg: ThrowawayPostgres;
  let pool: Pool;
  let store: PgIdempotencyStore;
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const HOUR = 3_600_000;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    pool = openSharedStatePool(pg.url, () => undefined, { max: 4 });
    await migrate(pool, MIGRATIONS);
    store = new PgIdempotencyStore(pool, { clock, hours: 24 });
  });
  afterAll(async () => {
    await pool?.end();
    await pg?.stop();
  });

  it('given an answer kept, when a retry reads it back, then its body serialises to the same bytes as the first answer', async () => {
    // Keys in an order jsonb would change (it sorts by length, then bytes).
    const body = { streamId: 'action-a1', revision: 3, position: '42', id: 'a1' };
    await store.put('user-1', 'key-1', { fingerprint: 'f', status: 201, body, etag: '"3"' });

    const replayed = await store.get('user-1', 'key-1');

    expect(JSON.stringify(replayed?.body)).toBe(JSON.stringify(body));
    expect(replayed).toMatchObject({ fingerprint: 'f', status: 201, etag: '"3"' });
  });

  it('given a key already kept, when another answer is put under it, then the first answer stays', async () => {
    await store.put('user-1', 'key-2', { fingerprint: 'f', status: 201, body: { first: true } });
    await store.put('user-1', 'key-2', { fingerprint: 'f', status: 201, body: { first: false } });

    expect((await store.get('user-1', 'key-2'))?.body).toEqual({ first: true });
  });

  it('given an answer kept 25 hours ago (window 24) and one kept 23 hours ago, when the prune runs, then only the older row is deleted and the newer is replayed exactly', async () => {
    clock.set('2026-03-01T09:00:00Z');
    await store.put('user-2', 'old', { fingerprint: 'f', status: 201, body: { old: true } });
    clock.advance(2 * HOUR);
    await store.put('user-2', 'recent', { fingerprint: 'f', status: 201, body: { old: false } });
    clock.advance(23 * HOUR);

    await store.prune();

    const { rows } = await pool.query<{ key: string }>("SELECT key FROM idempotency WHERE scope = 'user-2'");
    expect(rows.map((r) => r.key)).toEqual(['recent']);
    expect(await store.get('user-2', 'recent')).toEqual({ fingerprint: 'f', status: 201, body: { old: false } });
  });

  it('given an answer past its window and not yet pruned, when the key is presented again, then it reads as never seen and the new answer replaces it', async () => {
    clock.set('2026-03-05T09:00:00Z');
    await store.put('user-3', 'k', { fingerprint: 'f1', status: 201, body: { n: 1 } });
    clock.advance(24 * HOUR + 1);

    expect(await store.get('user-3', 'k')).toBeUndefined();
    await store.put('user-3', 'k', { fingerprint: 'f2', status: 201, body: { n: 2 } });

    expect(await store.get('user-3', 'k')).toEqual({ fingerprint: 'f2', status: 201, body: { n: 2 } });
  });
});
