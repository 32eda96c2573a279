import { verifyDigestSignature } from '../../../ledger/digests/digest-signature';
import type { SignedDigest } from '../../../ledger/digests/signed-digest';
import { fromHex, verifyConsistency } from '../../../ledger/integrity/merkle';
import { samePublicKey } from './check-digest';
import { hasTree, type TreeDigest } from '../formats/log-proofs';
import { MANIFEST_FILE } from '../formats/pack-files';
import type { PackProblem } from './pack-problem';

/** A digest the partnership published (annual report, website), and optionally a consistency proof to reach it. */
export interface PublishedDigestCheck {
  digest: SignedDigest;
  /** The name to print (e.g. the file it came from). */
  name: string;
  /** Hex hashes of GET /ledger/digests/{newer}/consistency?from={older}, between the pack's digest and this one. */
  consistencyProof?: string[];
}

const consistent = (older: TreeDigest, newer: TreeDigest, proof: string[]): boolean => {
  try {
    return verifyConsistency({
      fromSize: older.treeSize,
      fromRoot: fromHex(older.treeRoot),
      toSize: newer.treeSize,
      toRoot: fromHex(newer.treeRoot),
      proof: proof.map(fromHex),
    });
  } catch {
    return false; // a hash that is not 64 lower-case hex: not a proof
  }
};

/**
 * Holds a pack to a published digest, offline. The published digest must be signed by the pinned
 * key. Then, decided for issue 12:
 * - a pack whose digest has a tree is accepted against a published tree digest at the SAME tree size
 *   with the same root, or at another size when a consistency proof between the two (from the older
 *   to the newer, as GET /ledger/digests/{newer}/consistency?from={older} serves it) verifies: the
 *   log the pack is proven against is then a prefix of the published one, or extends it;
 * - a pack from before issue 12 (no tree) can only be held to exactly the digest it carries (same
 *   position, event count and log hash): a log hash has no consistency proofs.
 */
export function checkPublishedDigest(
  packDigest: SignedDigest | undefined,
  published: PublishedDigestCheck,
  pinnedKeyPem: string,
): PackProblem[] {
  const d = published.digest;
  const named = `the published digest ${published.name}`;
  const fail = (message: string): PackProblem[] => [{ file: MANIFEST_FILE, message }];
  if (!verifyDigestSignature(d)) return fail(`${named}: its Ed25519 signature does not verify`);
  if (!samePublicKey(d.publicKeyPem, pinnedKeyPem))
    return fail(`${named} is signed by a key that is not the published public key given`);
  if (!packDigest) return fail(`holds no signed digest to hold to ${named}`);
  if (!hasTree(packDigest) || !hasTree(d)) {
    const same =
      packDigest.position === d.position && packDigest.eventCount === d.eventCount && packDigest.logHash === d.logHash;
    return same
      ? []
      : fail(
          `the pack's digest ${packDigest.digestId} (position ${packDigest.position}) is not ${named} (position ${d.position}), and without a log tree on both no consistency proof can join them`,
        );
  }
  if (packDigest.treeSize === d.treeSize) {
    return packDigest.treeRoot === d.treeRoot
      ? []
      : fail(
          `the pack's digest ${packDigest.digestId} and ${named} disagree on the log at tree size ${d.treeSize} (roots ${packDigest.treeRoot} and ${d.treeRoot}): the log was rewritten`,
        );
  }
  const [older, newer] = packDigest.treeSize < d.treeSize ? [packDigest, d] : [d, packDigest];
  const ask = `GET /ledger/digests/${newer.digestId}/consistency?from=${older.digestId}`;
  if (!published.consistencyProof) {
    return fail(
      `the pack's digest ${packDigest.digestId} is at tree size ${packDigest.treeSize}, ${named} at ${d.treeSize}: give --consistency <file> with ${ask}`,
    );
  }
  return consistent(older, newer, published.consistencyProof)
    ? []
    : fail(
        `the consistency proof does not show the log at tree size ${newer.treeSize} (${newer.digestId}) extends the one at ${older.treeSize} (${older.digestId}): the log was rewritten, or the proof is not ${ask}`,
      );
}
