import type { Readable } from 'node:stream';
import type { HeldLease } from '../../shared-state/postgres/leases';

/** A built pack as kept: its size, and its bytes as a stream read on demand. */
export interface KeptPack {
  size: number;
  stream(): Readable;
}

/**
 * Where built packs are kept: <dataDir>/packs on one instance (PackStorage), or the shared
 * PostgreSQL with SHARED_STATE=postgres (PgPackFiles), so a pack built on any instance downloads
 * from every one. A build writes to a local temporary file first; keep() makes it whole and visible
 * at once, or not at all.
 */
export interface PackFiles {
  /** The local file a build writes the pack to before it is kept. */
  tempPathOf(packId: string): string;
  /**
   * Keeps the pack written to tempPathOf(packId), removing the temporary file; returns its size.
   * With a lease (the pack queue's, shared state), the write is refused (FencedOutError) unless the
   * lease is still held with that fencing token: a deposed builder's late pack never lands.
   */
  keep(packId: string, lease?: HeldLease): Promise<number>;
  /** The kept pack, or undefined if none is kept under that id. */
  open(packId: string): Promise<KeptPack | undefined>;
  /** Called by the job runner at shutdown, once no build is writing any more. */
  removeIfTemporary(): void;
}

export const PACK_FILES = Symbol('PACK_FILES');
