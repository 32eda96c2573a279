import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A subject's key as every key store keeps it: AES-256-GCM under the master key (iv | tag |
 * ciphertext), with the subject and version as additional authenticated data so a wrapped key
 * cannot be swapped onto another subject or version. The same in SQLite and PostgreSQL.
 */
export function wrapKey(masterKey: Buffer, subjectId: string, version: number, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', masterKey, iv).setAAD(aad(subjectId, version));
  const ct = Buffer.concat([c.update(key), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]);
}

/** Throws when the wrapped key was made under another master key, or for another subject or version. */
export function unwrapKey(masterKey: Buffer, subjectId: string, version: number, wrapped: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, 12)).setAAD(aad(subjectId, version));
  d.setAuthTag(wrapped.subarray(12, 28));
  return Buffer.concat([d.update(wrapped.subarray(28)), d.final()]);
}

const aad = (subjectId: string, version: number) => Buffer.from(`${subjectId}\n${version}`);
