import type { SignedDigest } from '../../ledger/digests/signed-digest';
import type { PackScope } from '../domain/pack-scope';
import type { CsvFormat } from './formats/csv';

export interface PackFileEntry {
  name: string;
  sha256: string;
  bytes: number;
}

/** manifest.json: what the pack holds and how to check it. */
export interface PackManifest {
  packId: string;
  scope: PackScope;
  generatedAt: string;
  requestedBy: { userId: string; role: string; agency: string };
  /** Log positions of the first and last events in events.ndjson. */
  positions: { from: number | null; to: number | null };
  /** Projection names and versions the CSVs were computed with. */
  projections: { name: string; version: number }[];
  /**
   * The CSV format the CSVs were written in (src/evidence/pack/formats/csv.ts): 2 neutralises cells a
   * spreadsheet would run as formulas. Absent in packs built before it was recorded (format 1).
   */
  csvFormat?: CsvFormat;
  files: PackFileEntry[];
  /** SHA-256 over the canonical JSON of `files` (sorted by name): one value to quote. */
  rootHash: string;
  /**
   * Added by the builder: the same root hash over the data files only (events.ndjson and the CSVs),
   * which is what summary.pdf prints (the PDF cannot print a hash that covers itself).
   */
  dataRootHash?: string;
  /** Added by the builder: SHA-256 over the canonical JSON of this manifest without manifestHash. */
  manifestHash?: string;
  /**
   * The latest signed digest whose position covers `positions.to`, if any was recorded. With a
   * digest that commits to the log tree (treeSize, treeRoot) the pack carries log-proofs.ndjson
   * (an inclusion proof per event and a head per stream, each head proven in the digest's
   * stream-heads tree when it signs one, see formats/log-proofs.ts); packs built before
   * issue 12 carry log-hashes.txt (every event's position, stream, revision and hash up to the
   * digest) instead, which ties the pack's events to the signed logHash. Both keep verifying.
   */
  digest?: SignedDigest;
}
