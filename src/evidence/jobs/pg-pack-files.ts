import { readFile, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { storeCall } from '../../ledger/store-errors';
import { type HeldLease, type PgLeases } from '../../shared-state/postgres/leases';
import { queryOnLiveConnection } from '../../shared-state/postgres/pg-pool';
import type { KeptPack, PackFiles } from './pack-files.port';
import type { PackStorage } from './pack-storage';

/** One read per chunk while streaming: a download holds a pooled connection only for a moment at a time. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Built packs in the shared PostgreSQL (SHARED_STATE=postgres, migration 4), one bytea row each,
 * rather than a shared directory: a pack is a few MB, the database is already shared by every
 * instance, backed up once with the keys and the idempotency records, and a pack becomes visible to
 * every instance in the same transaction that checks the builder's fencing token, so a deposed
 * builder's late pack is refused and a half-written one is never seen. A shared directory would
 * need its own mount on every instance, its own backup, and no fencing. Downloads stream the row
 * in CHUNK_BYTES slices (the column is stored uncompressed, so a slice is read without the rest).
 */
export class PgPackFiles implements PackFiles {
  constructor(
    private readonly pool: Pool,
    private readonly leases: PgLeases,
    /** The local directory builds write their temporary file to. */
    private readonly local: PackStorage,
  ) {}

  tempPathOf(packId: string): string {
    return this.local.tempPathOf(packId);
  }

  async keep(packId: string, lease?: HeldLease): Promise<number> {
    if (!lease) throw new Error('A pack is kept in shared state only under the pack queue’s lease');
    const temp = this.tempPathOf(packId);
    const content = await readFile(temp);
    await storeCall('pack-store', true, () =>
      this.leases.fenced(lease, (client) =>
        // A row kept under a newer token (a later leader's build) is never replaced by an older one.
        client.query(
          `INSERT INTO evidence_pack_files AS f (pack_id, content, bytes, fencing_token) VALUES ($1, $2, $3, $4)
           ON CONFLICT (pack_id) DO UPDATE SET content = EXCLUDED.content, bytes = EXCLUDED.bytes,
             fencing_token = EXCLUDED.fencing_token, kept_at = now()
           WHERE f.fencing_token <= EXCLUDED.fencing_token`,
          [packId, content, content.length, lease.token.toString()],
        ),
      ),
    );
    await rm(temp, { force: true });
    return content.length;
  }

  async open(packId: string): Promise<KeptPack | undefined> {
    const { rows } = await storeCall('pack-store', false, () =>
      queryOnLiveConnection<{ bytes: number }>(this.pool, 'SELECT bytes FROM evidence_pack_files WHERE pack_id = $1', [
        packId,
      ]),
    );
    if (!rows[0]) return undefined;
    const size = rows[0].bytes;
    return { size, stream: () => Readable.from(this.chunks(packId, size)) };
  }

  removeIfTemporary(): void {
    this.local.removeIfTemporary();
  }

  private async *chunks(packId: string, size: number): AsyncGenerator<Buffer> {
    for (let from = 0; from < size; from += CHUNK_BYTES) {
      const { rows } = await storeCall('pack-store', false, () =>
        queryOnLiveConnection<{ chunk: Buffer }>(
          this.pool,
          'SELECT substring(content FROM $2 FOR $3) AS chunk FROM evidence_pack_files WHERE pack_id = $1',
          [packId, from + 1, CHUNK_BYTES],
        ),
      );
      if (!rows[0]) throw new Error(`Evidence pack ${packId} was removed while it was being read`);
      yield rows[0].chunk;
    }
  }
}
