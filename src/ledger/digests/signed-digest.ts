/**
 * A signed statement of the log head: publishable (e.g. in the annual report) and checkable offline.
 * Digests signed since issue 12 also commit to the log-level Merkle tree (treeSize, treeRoot), and
 * their signature covers both; digests recorded before carry neither and keep verifying over the
 * five fields they were signed with (digest-signature.ts). Later ones also commit to every stream's
 * head (streamHeadsSize, streamHeadsRoot).
 */
export interface SignedDigest {
  digestId: string;
  /** Global position of the last event covered, and how many events the log held then. */
  position: number;
  eventCount: number;
  /** SHA-256 (hex) over the ordered list of every event's `hash` up to `position` (see src/ledger/digests). */
  logHash: string;
  recordedAt: string;
  /** Leaves of the RFC 9162 tree over the log up to `position` (always equal to eventCount), when signed with one. */
  treeSize?: number;
  /** That tree's root, MTH(D[treeSize]), lowercase hex. Present exactly when treeSize is. */
  treeRoot?: string;
  /**
   * Digests signed since the stream-heads tree (always with a tree): how many streams the log held
   * at `position`, and MTH over one leaf per stream, its last event there (eventLeafHash), in
   * ascending streamId code-unit order (src/ledger/integrity/merkle/stream-heads.ts). It commits to
   * each stream's head, which the log tree (log order only) does not. Both present, or neither.
   */
  streamHeadsSize?: number;
  streamHeadsRoot?: string;
  algorithm: 'Ed25519';
  /** Public key (SPKI PEM) so a verifier can check the signature with no server. */
  publicKeyPem: string;
  /**
   * Base64 signature over the canonical JSON of {digestId, position, eventCount, logHash, recordedAt},
   * plus {treeSize, treeRoot} and {streamHeadsSize, streamHeadsRoot} when the digest carries them.
   */
  signature: string;
}
