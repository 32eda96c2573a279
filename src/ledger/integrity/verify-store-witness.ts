import Database from 'better-sqlite3';
import { CompactRange, toHex } from './merkle';
import type { SourcedDigest } from './verify-store-problems';

/**
 * The service's log-tree file (src/ledger/log-tree/log-tree-store.ts) read as a witness: the follower
 * only ever takes events the ledger gave it, so a tree that holds more events than the ledger, or
 * whose root differs from the one recomputed over the ledger's first `size` events, means the
 * ledger lost its tail or was changed after the follower read it (a WAL cut, an older copy of the
 * ledger file restored, a rewrite by hand). It is not signed and not trusted: it can only add
 * findings; whoever deletes or rebuilds it along with the ledger leaves nothing to compare.
 * Read-only, like the ledger: the state row only (size, peaks, last position).
 */
export function readLogTreeWitness(file: string): SourcedDigest | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const row = db.prepare('SELECT size, peaks, last_position FROM state WHERE id = 1').get() as
      { size: number; peaks: string; last_position: number | null } | undefined;
    if (!row || row.size === 0 || row.last_position === null) return undefined;
    const root = toHex(CompactRange.resume({ size: row.size, peaks: JSON.parse(row.peaks) as string[] }).root());
    return {
      digest: {
        digestId: 'log-tree',
        position: row.last_position,
        eventCount: row.size,
        treeSize: row.size,
        treeRoot: root,
        logHash: '',
        recordedAt: '',
        algorithm: 'Ed25519',
        publicKeyPem: '',
        signature: '',
      },
      source: { kind: 'witness', name: file },
    };
  } finally {
    db.close();
  }
}
