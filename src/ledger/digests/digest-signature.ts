import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { SignedDigest } from '../../evidence/pack/pack-types';
import { canonicalJson } from '../integrity/canonical-json';

export type UnsignedDigest = Pick<SignedDigest, 'digestId' | 'position' | 'eventCount' | 'logHash' | 'recordedAt'>;

/** The exact bytes signed: the canonical JSON (keys sorted, no spaces) of the five signed fields. */
export function digestSigningPayload(d: UnsignedDigest): Buffer {
  const { digestId, position, eventCount, logHash, recordedAt } = d;
  return Buffer.from(canonicalJson({ digestId, position, eventCount, logHash, recordedAt }), 'utf8');
}

/** Signs with an Ed25519 private key and carries the public key, so the digest checks with no server. */
export function signDigest(d: UnsignedDigest, privateKey: KeyObject): SignedDigest {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('Digests are signed with an Ed25519 key');
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const signature = sign(null, digestSigningPayload(d), privateKey).toString('base64');
  const { digestId, position, eventCount, logHash, recordedAt } = d;
  return { digestId, position, eventCount, logHash, recordedAt, algorithm: 'Ed25519', publicKeyPem, signature };
}

/**
 * Whether the signature is a valid Ed25519 signature of the digest's signed fields by the key it
 * carries. Never throws: anything malformed is simply not valid. Whether that key is the
 * partnership's is for the verifier to check against the published public key.
 */
export function verifyDigestSignature(d: SignedDigest): boolean {
  try {
    if (d.algorithm !== 'Ed25519' || typeof d.signature !== 'string') return false;
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
