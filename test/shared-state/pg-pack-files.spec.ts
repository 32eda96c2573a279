import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { AppConfig } from '../../src/config/app-config';
import { PackStorage, PgPackFiles } from '../../src/evidence/services';
import { FencedOutError, PgLeases } from '../../src/shared-state/postgres/leases';
import { migrate } from '../../src/shared-state/postgres/migrate';
import { openSharedStatePool } from '../../src/shared-state/postgres/pg-pool';
import { TEST_STORE_DEADLINE_MS } from '../support/esdb-test-store';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres/throwaway-postgres';

// A real PostgreSQL 15, started by this file. Two PgPackFiles on one database stand for two instances.
describe('PgPackFiles: built evidence packs in the shared PostgreSQL', () => {
  let pg: ThrowawayPostgres;
  let pool: Pool;
  let leases: PgLeases;
  const dirs: string[] = [];

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    // Not a suite about deadlines: a statement on a loaded machine is slower, not wrong (2 s was a speed bound).
    pool = openSharedStatePool(pg.url, () => undefined, { max: 8, deadlineMs: TEST_STORE_DEADLINE_MS });
    await migrate(pool);
    leases = new PgLeases(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await pg?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** One instance's pack files: its own local directory for builds, the shared database for packs. */
  const instance = () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pg-pack-files-'));
    dirs.push(dataDir);
    return new PgPackFiles(pool, leases, new PackStorage({ store: 'sqlite', dataDir } as AppConfig));
  };
  const built = (files: PgPackFiles, packId: string, bytes: Buffer) => writeFileSync(files.tempPathOf(packId), bytes);
  const read = async (files: PgPackFiles, packId: string) => {
    const kept = await files.open(packId);
    if (!kept) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of kept.stream()) chunks.push(chunk as Buffer);
    return { size: kept.size, bytes: Buffer.concat(chunks) };
  };
  const lapse = (name: string) =>
    pool.query("UPDATE leases SET expires_at = now() - interval '1 second' WHERE name = $1", [name]);
  const row = async (packId: string) =>
    (
      await pool.query('SELECT bytes, fencing_token::text AS token FROM evidence_pack_files WHERE pack_id = $1', [
        packId,
      ])
    ).rows[0] as { bytes: number; token: string } | undefined;

  it('given a pack kept by one instance under the queue lease, then another streams the same bytes (in slices)', async () => {
    const a = instance();
    const c = instance();
    const lease = (await leases.acquire('packs-1', 'a', 60_000))!;
    const zip = randomBytes(2.5 * 1024 * 1024); // more than two slices
    built(a, 'jtai-2022', zip);
    expect(await a.keep('jtai-2022', lease)).toBe(zip.length);
    const fromC = await read(c, 'jtai-2022');
    expect(fromC?.size).toBe(zip.length);
    expect(fromC?.bytes.equals(zip)).toBe(true);
    expect(await c.open('never-built')).toBeUndefined();
  });

  it('given a leader deposed while it built, when its late pack is kept, then the write is refused and the new leader’s pack stands', async () => {
    const stale = instance();
    const leader = instance();
    const old = (await leases.acquire('packs-2', 'stale', 60_000))!;
    await lapse('packs-2');
    const current = (await leases.acquire('packs-2', 'leader', 60_000))!;
    built(leader, 'p2', Buffer.from('PK the new leader’s pack'));
    await leader.keep('p2', current);

    built(stale, 'p2', Buffer.from('PK the deposed leader’s late pack'));
    await expect(stale.keep('p2', old)).rejects.toBeInstanceOf(FencedOutError);
    expect((await read(leader, 'p2'))?.bytes.toString()).toBe('PK the new leader’s pack');
    expect(await row('p2')).toEqual({
      bytes: Buffer.byteLength('PK the new leader’s pack'),
      token: current.token.toString(),
    });
  });

  it('given PostgreSQL down, then opening a pack fails as a pack-store fault (a 503)', async () => {
    const c = instance();
    pg.halt();
    try {
      await expect(c.open('jtai-2022')).rejects.toMatchObject({
        name: 'StoreUnavailableError',
        part: 'pack-store',
        code: 'store-unavailable',
      });
    } finally {
      await pg.resume();
    }
    expect((await c.open('jtai-2022'))?.size).toBeGreaterThan(0);
  });
});
