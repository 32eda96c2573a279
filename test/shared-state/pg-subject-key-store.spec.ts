import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { keyRef, PgSubjectKeyStore } from '../../src/privacy/services';
import { migrate } from '../../src/shared-state/postgres/migrate';
import { openSharedStatePool } from '../../src/shared-state/postgres/pg-pool';
import { TEST_STORE_DEADLINE_MS } from '../support/esdb-test-store';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres/throwaway-postgres';

// A real PostgreSQL 15, started by this file. Two stores on one database stand for two instances.
describe('PgSubjectKeyStore: data subjects’ keys in the shared PostgreSQL', () => {
  let pg: ThrowawayPostgres;
  let pool: Pool;
  const master = randomBytes(32);

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    // Not a suite about deadlines: a statement on a loaded machine is slower, not wrong (2 s was a speed bound).
    pool = openSharedStatePool(pg.url, () => undefined, { max: 8, deadlineMs: TEST_STORE_DEADLINE_MS });
    await migrate(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await pg?.stop();
  });

  const wrappedOf = async (subjectId: string) =>
    (await pool.query('SELECT wrapped FROM subject_keys WHERE subject_id = $1', [subjectId])).rows as {
      wrapped: Buffer;
    }[];

  it('given a key made through one instance, then another reads the same key; the row holds it only wrapped', async () => {
    const a = new PgSubjectKeyStore(pool, master);
    const b = new PgSubjectKeyStore(pool, master);
    const made = await a.current('child-1');
    expect(made.version).toBe(1);
    expect((await b.current('child-1')).key.equals(made.key)).toBe(true);
    expect((await b.getMany([{ subjectId: 'child-1', version: 1 }])).get(keyRef('child-1', 1))).toEqual(made.key);
    const [row] = await wrappedOf('child-1');
    expect(row.wrapped.includes(made.key)).toBe(false);
    expect(a.cacheable).toBe(false);
  });

  it('given another master key, or a wrapped key copied onto another subject, then it does not unwrap', async () => {
    await new PgSubjectKeyStore(pool, master).current('child-2');
    await expect(
      new PgSubjectKeyStore(pool, randomBytes(32)).getMany([{ subjectId: 'child-2', version: 1 }]),
    ).rejects.toThrow();
    await pool.query(
      "INSERT INTO subject_keys (subject_id, version, wrapped) SELECT 'parent-2', 1, wrapped FROM subject_keys WHERE subject_id = 'child-2'",
    );
    await expect(
      new PgSubjectKeyStore(pool, master).getMany([{ subjectId: 'parent-2', version: 1 }]),
    ).rejects.toThrow();
  });

  it('given two instances making a first key for one subject at once, then both get the one version 1', async () => {
    const [x, y] = await Promise.all([
      new PgSubjectKeyStore(pool, master).current('child-3'),
      new PgSubjectKeyStore(pool, master).current('child-3'),
    ]);
    expect([x.version, y.version, x.key.equals(y.key)]).toEqual([1, 1, true]);
    expect(await wrappedOf('child-3')).toHaveLength(1);
  });

  it('rotates, destroys one version or all (deleting the rows), and never reuses a destroyed version number', async () => {
    const a = new PgSubjectKeyStore(pool, master);
    const b = new PgSubjectKeyStore(pool, master);
    await a.current('child-4');
    expect((await a.rotate('child-4')).version).toBe(2);
    expect(await b.destroy('child-4', 1)).toEqual([1]);
    expect((await a.getMany([{ subjectId: 'child-4', version: 1 }])).size).toBe(0);
    expect(await a.liveVersions('child-4')).toEqual([2]);
    expect(await b.destroy('child-4')).toEqual([2]);
    expect(await b.destroy('child-4')).toEqual([]);
    expect(await wrappedOf('child-4')).toEqual([]);
    expect((await a.current('child-4')).version).toBe(3);
  });

  it('given PostgreSQL down, then every call fails as a key-store fault (a 503), and the probe says so', async () => {
    const a = new PgSubjectKeyStore(pool, master);
    pg.halt();
    try {
      const fault = { name: 'StoreUnavailableError', part: 'key-store', code: 'store-unavailable' };
      await expect(a.current('child-5')).rejects.toMatchObject(fault);
      await expect(a.getMany([{ subjectId: 'child-1', version: 1 }])).rejects.toMatchObject(fault);
      await expect(a.probe()).rejects.toMatchObject(fault);
    } finally {
      await pg.resume();
    }
    await a.probe();
  });
});
