import { createPublicKey } from 'node:crypto';
import { verifyDigestSignature } from '../../../ledger/digests/digest-signature';
import { MANIFEST_FILE } from '../formats/pack-files';
import type { PackProblem } from './pack-problem';
import type { PackManifest } from '../pack-manifest';

/** The same key however its PEM is wrapped or spaced: compared as SPKI DER, or as text without whitespace if unparseable. */
export function samePublicKey(a: string, b: string): boolean {
  try {
    return createPublicKey(a)
      .export({ type: 'spki', format: 'der' })
      .equals(createPublicKey(b).export({ type: 'spki', format: 'der' }));
  } catch {
    return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  }
}

export const UNPINNED_WARNING =
  "the digest's signer is not pinned: its signature was checked only with the public key the pack itself carries, which a forger could replace with their own. Pass --public-key <published-key.pem> to prove it is the partnership's key.";
export const NO_DIGEST_WARNING =
  'the pack holds no signed digest: its completeness against the ledger cannot be proven offline (a stream cut short or rewritten with its hashes recomputed would not be detected). Each file, hash chain and CSV was still checked.';

/**
 * The signed digest: a valid Ed25519 signature by the key it carries, that key the published one
 * when the verifier was given it, and covering the pack's last event. Without a pinned key the
 * signature proves nothing about who signed, so that is a warning; with one, a pack that dropped its
 * digest is refused, since stripping the digest is the simplest way round a pinned key.
 */
export function checkDigest(m: PackManifest, pinnedKeyPem?: string): { problems: PackProblem[]; warnings: string[] } {
  const d = m.digest;
  if (!d) {
    if (pinnedKeyPem !== undefined)
      return {
        problems: [
          {
            file: MANIFEST_FILE,
            message: 'holds no signed digest, but a published public key was given to check one against',
          },
        ],
        warnings: [],
      };
    return { problems: [], warnings: [NO_DIGEST_WARNING] };
  }
  const problems: PackProblem[] = [];
  if (!verifyDigestSignature(d))
    problems.push({ file: MANIFEST_FILE, message: `digest ${d.digestId}: the Ed25519 signature does not verify` });
  if (pinnedKeyPem !== undefined && !samePublicKey(d.publicKeyPem, pinnedKeyPem)) {
    problems.push({
      file: MANIFEST_FILE,
      message: `digest ${d.digestId} is signed by a key that is not the published public key given`,
    });
  }
  if (m.positions.to !== null && !(d.position >= m.positions.to))
    problems.push({
      file: MANIFEST_FILE,
      message: `digest ${d.digestId} covers position ${d.position}, before the pack's last event at ${m.positions.to}`,
    });
  return { problems, warnings: pinnedKeyPem === undefined ? [UNPINNED_WARNING] : [] };
}
