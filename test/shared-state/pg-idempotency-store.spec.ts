import type { Pool } from 'pg';
import { PgIdempotencyStore } from '../../src/http/idempotency/pg-idempotency.store';
import { migrate } from '../../src/shared-state/postgres/migrate';
import { MIGRATIONS } from '../../src/shared-state/postgres/migrations';
import { openSharedStatePool } from '../../src/shared-state/postgres/pg-pool';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres/throwaway-postgres';

// A real PostgreSQL 15, started by this file.
describe('idempotency records in PostgreSQL', () => {
  let pg: ThrowawayPostgres;
  let pool: Pool;
  let store: PgIdempotencyStore;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    pool = openSharedStatePool(pg.url, () => undefined, { max: 4 });
    await migrate(pool, MIGRATIONS);
    store = new PgIdempotencyStore(pool);
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
});
