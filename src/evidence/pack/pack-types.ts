/**
 * The contract between the evidence-pack pieces, written first so they can be built in parallel:
 * the pack context (requests, jobs, access, src/evidence/*), the builder and offline verifier
 * (src/evidence/pack/*), the summary PDF (src/evidence/pack/summary-pdf/*) and ledger digests
 * (src/ledger/digests/*).
 */

export const RECORD_KINDS = ['decisions', 'actions', 'escalations', 'funding'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What an inspector or auditor asked for. Dates are ISO `YYYY-MM-DD`, inclusive, business time. */
export interface PackScope {
  from: string;
  to: string;
  /** Empty: every board. */
  boardIds: string[];
  /** Empty: every partner. */
  partnerIds: string[];
  /** Free-text themes or tags (e.g. "exploitation", "MASH front door"), matched against record text. */
  themes: string[];
  records: RecordKind[];
}

/** Moved to src/ledger/digests/signed-digest.ts (issue 12); re-exported so importers keep compiling. */
export type { SignedDigest } from '../../ledger/digests/signed-digest';
import type { SignedDigest } from '../../ledger/digests/signed-digest';

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
   * The CSV format the CSVs were written in (src/evidence/pack/csv.ts): 2 neutralises cells a
   * spreadsheet would run as formulas. Absent in packs built before it was recorded (format 1).
   */
  csvFormat?: import('./csv').CsvFormat;
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
   * stream-heads tree when it signs one, see log-proofs.ts); packs built before
   * issue 12 carry log-hashes.txt (every event's position, stream, revision and hash up to the
   * digest) instead, which ties the pack's events to the signed logHash. Both keep verifying.
   */
  digest?: SignedDigest;
}

/** Headline figures and series for summary.pdf; all derived from the pack's own events. */
export interface SummaryInput {
  title: string;
  partnership: string;
  scope: PackScope;
  generatedAt: string;
  rootHash: string;
  headline: { label: string; value: string }[];
  /** Action status counts at the end of each month in the period. */
  actionStatusOverTime: {
    month: string;
    open: number;
    actioned: number;
    closed: number;
    cancelled: number;
    overdue: number;
  }[];
  /** Per protocol stage: escalations that passed through it within its timescale, and those that breached it. */
  escalationsByStage: { stage: string; withinTimescale: number; breached: number }[];
  /** Per partner: contributions (pledged, paid, underwritten) against the budget and the shortfall. */
  contributions: {
    financialYear: string;
    budgetPence: number;
    shortfallPence: number;
    uncoveredPence: number;
    partners: { name: string; pledgedPence: number; paidPence: number; underwrittenPence: number }[];
  }[];
  tables: { title: string; columns: string[]; rows: string[][] }[];
}

export interface PackProgress {
  phase: 'selecting' | 'events' | 'log-proofs' | 'log-hashes' | 'tables' | 'summary' | 'manifest' | 'done';
  eventsWritten: number;
}

export interface BuildPackRequest {
  packId: string;
  scope: PackScope;
  requestedBy: PackManifest['requestedBy'];
  generatedAt: string;
  /** Added by the builder: the partnership's name for summary.pdf (a generic title when absent). */
  partnership?: string;
  /** The latest signed digest covering the pack's last event, looked up by the caller (may be absent). */
  digestCovering?: (position: number) => Promise<SignedDigest | undefined>;
  /**
   * The log tree (the LOG_TREE port) the inclusion proofs come from: with it and a digest carrying
   * treeSize/treeRoot, the pack carries log-proofs.ndjson; without either, no digest.
   */
  logTree?: import('./log-proofs').PackLogTree;
  /** 'log-hashes': the pre-issue-12 log-hashes.txt (the whole log's hashes) instead; kept to compare and for old digests. */
  logEvidence?: 'proofs' | 'log-hashes';
  onProgress?: (p: PackProgress) => void;
}

/**
 * Implemented by src/evidence/pack/build-pack.ts: streams the ZIP (manifest.json, events.ndjson,
 * log-hashes.txt when a digest covers the pack, action-log.csv, escalations.csv, decisions.csv, funding.csv, summary.pdf) to `out` without holding
 * the whole log in memory, and resolves with the manifest once `out` has everything.
 */
export type BuildPack = (
  store: import('../../ledger/event-store.port').EventStore,
  request: BuildPackRequest,
  out: NodeJS.WritableStream,
) => Promise<PackManifest>;
