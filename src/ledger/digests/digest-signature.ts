import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../integrity/canonical-json';
import type { SignedDigest } from './signed-digest';

export type UnsignedDigest = Pick<
  SignedDigest,
  | 'digestId'
  | 'position'
  | 'eventCount'
  | 'logHash'
  | 'recordedAt'
  | 'treeSize'
  | 'treeRoot'
  | 'streamHeadsSize'
  | 'streamHeadsRoot'
>;

/** Whether the digest commits to a Merkle tree: both tree fields, or (a digest from before issue 12) neither. */
const hasTree = (d: UnsignedDigest): boolean => d.treeSize !== undefined || d.treeRoot !== undefined;
/** Whether it commits to the stream heads as well (both heads fields; only ever with a tree). */
const hasHeads = (d: UnsignedDigest): boolean => d.streamHeadsSize !== undefined || d.streamHeadsRoot !== undefined;
/** A field set no signer produces: half a tree, half the heads, or heads without a tree. */
const malformed = (d: UnsignedDigest): boolean =>
  (d.treeSize === undefined) !== (d.treeRoot === undefined) ||
  (d.streamHeadsSize === undefined) !== (d.streamHeadsRoot === undefined) ||
  (hasHeads(d) && !hasTree(d));
const isHead = (size: unknown, root: unknown) =>
  Number.isSafeInteger(size) && (size as number) >= 0 && typeof root === 'string' && /^[0-9a-f]{64}$/.test(root);

/**
 * The exact bytes signed: the canonical JSON (keys sorted, no spaces) of the five signed fields,
 * plus treeSize and treeRoot when the digest carries them, plus streamHeadsSize and streamHeadsRoot
 * when it carries those. Digests recorded before the tree existed were signed over the five alone,
 * and tree digests before the heads over the seven, so each verifies as it always did; stripping
 * fields from a newer digest (or adding them to an older one) changes the bytes, and the signature
 * no longer fits.
 */
export function digestSigningPayload(d: UnsignedDigest): Buffer {
  const { digestId, position, eventCount, logHash, recordedAt, treeSize, treeRoot, streamHeadsSize, streamHeadsRoot } =
    d;
  const fields = {
    digestId,
    position,
    eventCount,
    logHash,
    recordedAt,
    ...(hasTree(d) ? { treeSize, treeRoot } : {}),
    ...(hasHeads(d) ? { streamHeadsSize, streamHeadsRoot } : {}),
  };
  return Buffer.from(canonicalJson(fields), 'utf8');
}

/** Signs with an Ed25519 private key and carries the public key, so the digest checks with no server. */
export function signDigest(d: UnsignedDigest, privateKey: KeyObject): SignedDigest {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('Digests are signed with an Ed25519 key');
  if (malformed(d))
    throw new TypeError(
      'A digest carries both treeSize and treeRoot or neither, and both streamHeadsSize and streamHeadsRoot (with a tree) or neither',
    );
  if (hasTree(d) && !isHead(d.treeSize, d.treeRoot))
    throw new TypeError(`Not a tree head: size ${d.treeSize}, root ${JSON.stringify(d.treeRoot)}`);
  if (hasHeads(d) && !isHead(d.streamHeadsSize, d.streamHeadsRoot))
    throw new TypeError(
      `Not a stream-heads tree head: size ${d.streamHeadsSize}, root ${JSON.stringify(d.streamHeadsRoot)}`,
    );
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const signature = sign(null, digestSigningPayload(d), privateKey).toString('base64');
  const { digestId, position, eventCount, logHash, recordedAt, treeSize, treeRoot, streamHeadsSize, streamHeadsRoot } =
    d;
  const tree = hasTree(d) ? { treeSize, treeRoot } : {};
  const heads = hasHeads(d) ? { streamHeadsSize, streamHeadsRoot } : {};
  return {
    digestId,
    position,
    eventCount,
    logHash,
    recordedAt,
    ...tree,
    ...heads,
    algorithm: 'Ed25519',
    publicKeyPem,
    signature,
  };
}

/**
 * Whether the signature is a valid Ed25519 signature of the digest's signed fields by the key it
 * carries. Never throws: anything malformed is simply not valid. Whether that key is the
 * partnership's is for the verifier to check against the published public key.
 */
export function verifyDigestSignature(d: SignedDigest): boolean {
  try {
    if (d.algorithm !== 'Ed25519' || typeof d.signature !== 'string') return false;
    if (malformed(d)) return false;
    const signature = Buffer.from(d.signature, 'base64');
    // Node's base64 decoder skips stray characters: only the canonical spelling counts as the signature.
    if (signature.toString('base64') !== d.signature) return false;
    const key = createPublicKey(d.publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, digestSigningPayload(d), key, signature);
  } catch {
    return false;
  }
}
