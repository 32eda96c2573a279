import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../integrity/canonical-json';
import type { SignedDigest } from './signed-digest';

export type UnsignedDigest = Pick<SignedDigest, 'digestId' | 'position' | 'eventCount' | 'logHash' | 'recordedAt' | 'treeSize' | 'treeRoot'>;

/** Whether the digest commits to a Merkle tree: both tree fields, or (a digest from before issue 12) neither. */
const hasTree = (d: UnsignedDigest): boolean => d.treeSize !== undefined || d.treeRoot !== undefined;
const halfATree = (d: UnsignedDigest): boolean => (d.treeSize === undefined) !== (d.treeRoot === undefined);

/**
 * The exact bytes signed: the canonical JSON (keys sorted, no spaces) of the five signed fields,
 * plus treeSize and treeRoot when the digest carries them. Digests recorded before the tree existed
 * were signed over the five alone, so they verify as they always did; stripping the tree fields from
 * a newer digest (or adding them to an older one) changes the bytes, and the signature no longer fits.
 */
export function digestSigningPayload(d: UnsignedDigest): Buffer {
  const { digestId, position, eventCount, logHash, recordedAt, treeSize, treeRoot } = d;
  const fields = hasTree(d) ? { digestId, position, eventCount, logHash, recordedAt, treeSize, treeRoot } : { digestId, position, eventCount, logHash, recordedAt };
  return Buffer.from(canonicalJson(fields), 'utf8');
}

/** Signs with an Ed25519 private key and carries the public key, so the digest checks with no server. */
export function signDigest(d: UnsignedDigest, privateKey: KeyObject): SignedDigest {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('Digests are signed with an Ed25519 key');
  if (halfATree(d)) throw new TypeError('A digest carries both treeSize and treeRoot, or neither');
  if (hasTree(d) && !(Number.isSafeInteger(d.treeSize) && d.treeSize! >= 0 && /^[0-9a-f]{64}$/.test(d.treeRoot ?? ''))) {
    throw new TypeError(`Not a tree head: size ${d.treeSize}, root ${JSON.stringify(d.treeRoot)}`);
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const signature = sign(null, digestSigningPayload(d), privateKey).toString('base64');
  const { digestId, position, eventCount, logHash, recordedAt, treeSize, treeRoot } = d;
  const tree = hasTree(d) ? { treeSize, treeRoot } : {};
  return { digestId, position, eventCount, logHash, recordedAt, ...tree, algorithm: 'Ed25519', publicKeyPem, signature };
}

/**
 * Whether the signature is a valid Ed25519 signature of the digest's signed fields by the key it
 * carries. Never throws: anything malformed is simply not valid. Whether that key is the
 * partnership's is for the verifier to check against the published public key.
 */
export function verifyDigestSignature(d: SignedDigest): boolean {
  try {
    if (d.algorithm !== 'Ed25519' || typeof d.signature !== 'string') return false;
    if (halfATree(d)) return false;
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
