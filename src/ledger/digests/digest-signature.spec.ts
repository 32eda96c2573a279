import { generateKeyPairSync } from 'node:crypto';
import type { SignedDigest } from '../../evidence/pack/pack-types';
import { signDigest, verifyDigestSignature, type UnsignedDigest } from './digest-signature';

const key = generateKeyPairSync('ed25519').privateKey;
const otherKey = generateKeyPairSync('ed25519');
const unsigned: UnsignedDigest = { digestId: 'head-41', position: 41, eventCount: 42, logHash: 'a'.repeat(64), recordedAt: '2022-11-21T12:00:00.000Z' };
const signed = signDigest(unsigned, key);

describe('verifyDigestSignature', () => {
  it('given a digest as signed, then it verifies with the public key it carries', () => {
    expect(signed).toMatchObject({ ...unsigned, algorithm: 'Ed25519', publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
    expect(verifyDigestSignature(signed)).toBe(true);
  });

  it('given the same fields in another key order (as after a JSON round trip), then it still verifies', () => {
    const reordered = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(signed))).reverse()) as unknown as SignedDigest;
    expect(verifyDigestSignature(reordered)).toBe(true);
  });

  it.each<[keyof SignedDigest, unknown]>([
    ['digestId', 'head-40'],
    ['position', 40],
    ['eventCount', 43],
    ['logHash', 'b'.repeat(64)],
    ['recordedAt', '2022-11-21T12:00:01.000Z'],
    ['algorithm', 'RSA'],
    ['signature', `${signed.signature.slice(0, 10)}${signed.signature[10] === 'A' ? 'B' : 'A'}${signed.signature.slice(11)}`],
    ['signature', `${signed.signature}!`],
    ['signature', ''],
    ['publicKeyPem', otherKey.publicKey.export({ type: 'spki', format: 'pem' }).toString()],
    ['publicKeyPem', 'not a key'],
  ])('given %s changed to %j, then it does not verify', (field, value) => {
    expect(verifyDigestSignature({ ...signed, [field]: value } as SignedDigest)).toBe(false);
  });

  it('given a digest signed with another key and carrying that key, then it verifies (the verifier must compare the key with the published one)', () => {
    const forged = signDigest(unsigned, otherKey.privateKey);
    expect(verifyDigestSignature(forged)).toBe(true);
    expect(forged.publicKeyPem).not.toBe(signed.publicKeyPem);
  });

  it('given a signature made with another key but carrying ours, then it does not verify', () => {
    expect(verifyDigestSignature({ ...signed, signature: signDigest(unsigned, otherKey.privateKey).signature })).toBe(false);
  });

  it('refuses to sign with a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => signDigest(unsigned, rsa)).toThrow(/Ed25519/);
  });
});
