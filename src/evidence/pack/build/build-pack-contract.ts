import type { SignedDigest } from '../../../ledger/digests/signed-digest';
import type { EventStore } from '../../../ledger/event-store.port';
import type { PackScope } from '../../domain/pack-scope';
import type { PackLogTree } from '../formats/log-proofs';
import type { PackManifest } from '../pack-manifest';

/**
 * The contract between the pack context (requests, jobs, src/evidence/jobs) and the builder
 * (src/evidence/pack/build/build-pack.ts): what a build is asked for, how it reports progress.
 */
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
  logTree?: PackLogTree;
  /** 'log-hashes': the pre-issue-12 log-hashes.txt (the whole log's hashes) instead; kept to compare and for old digests. */
  logEvidence?: 'proofs' | 'log-hashes';
  onProgress?: (p: PackProgress) => void;
}

/**
 * Implemented by src/evidence/pack/build/build-pack.ts: streams the ZIP (manifest.json, events.ndjson,
 * log-hashes.txt when a digest covers the pack, action-log.csv, escalations.csv, decisions.csv, funding.csv, meetings.csv, attendance.csv, attendance-register.csv, case-reviews.csv, inspections.csv, thematic-reviews.csv, multi-agency-audits.csv, risks.csv, forward-plan.csv, summary.pdf) to `out` without holding
 * the whole log in memory, and resolves with the manifest once `out` has everything.
 */
export type BuildPack = (
  store: EventStore,
  request: BuildPackRequest,
  out: NodeJS.WritableStream,
) => Promise<PackManifest>;
