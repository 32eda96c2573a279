import type { SignedDigest } from '../../ledger/digests/signed-digest';

/**
 * The signed digests the ledger has recorded, as the pack builder needs them: the latest one whose
 * position covers the pack's last event. Provided by src/ledger/digests when wired; optional, so a
 * pack built without it simply carries no digest.
 */
export interface EvidenceDigests {
  latestCovering(position: number): Promise<SignedDigest | undefined>;
}

export const EVIDENCE_DIGESTS = Symbol('EVIDENCE_DIGESTS');
