import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type { SignedDigest } from './signed-digest';
import { signDigest, verifyDigestSignature, type UnsignedDigest } from './digest-signature';

const key = generateKeyPairSync('ed25519').privateKey;
const otherKey = generateKeyPairSync('ed25519');
const unsigned: UnsignedDigest = {
  digestId: 'head-41',
  position: 41,
  eventCount: 42,
  logHash: 'a'.repeat(64),
  recordedAt: '2022-11-21T12:00:00.000Z',
};
const signed = signDigest(unsigned, key);

describe('verifyDigestSignature', () => {
  it('given a digest as signed, then it verifies with the public key it carries', () => {
    expect(signed).toMatchObject({
      ...unsigned,
      algorithm: 'Ed25519',
      publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY'),
    });
    expect(verifyDigestSignature(signed)).toBe(true);
  });

  it('given the same fields in another key order (as after a JSON round trip), then it still verifies', () => {
    const reordered = Object.fromEntries(
      Object.entries(JSON.parse(JSON.stringify(signed))).reverse(),
    ) as unknown as SignedDigest;
    expect(verifyDigestSignature(reordered)).toBe(true);
  });

  it.each<[keyof SignedDigest, unknown]>([
    ['digestId', 'head-40'],
    ['position', 40],
    ['eventCount', 43],
    ['logHash', 'b'.repeat(64)],
    ['recordedAt', '2022-11-21T12:00:01.000Z'],
    ['algorithm', 'RSA'],
    [
      'signature',
      `${signed.signature.slice(0, 10)}${signed.signature[10] === 'A' ? 'B' : 'A'}${signed.signature.slice(11)}`,
    ],
    ['signature', `${signed.signature}!`],
    ['signature', ''],
    ['publicKeyPem', otherKey.publicKey.export({ type: 'spki', format: 'pem' }).toString()],
    ['publicKeyPem', 'not a key'],
  ])('given %s changed to %j, then it does not verify', (field, value) => {
    expect(verifyDigestSignature({ ...signed, [field]: value })).toBe(false);
  });

  it('given a digest signed with another key and carrying that key, then it verifies (the verifier must compare the key with the published one)', () => {
    const forged = signDigest(unsigned, otherKey.privateKey);
    expect(verifyDigestSignature(forged)).toBe(true);
    expect(forged.publicKeyPem).not.toBe(signed.publicKeyPem);
  });

  it('given a signature made with another key but carrying ours, then it does not verify', () => {
    expect(verifyDigestSignature({ ...signed, signature: signDigest(unsigned, otherKey.privateKey).signature })).toBe(
      false,
    );
  });

  it('refuses to sign with a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => signDigest(unsigned, rsa)).toThrow(/Ed25519/);
  });
});

describe('digests that commit to the Merkle tree (treeSize, treeRoot)', () => {
  const withTree: UnsignedDigest = { ...unsigned, treeSize: 42, treeRoot: 'c'.repeat(64) };
  const treeSigned = signDigest(withTree, key);

  it('given a digest signed with a tree head, then it carries both fields and verifies', () => {
    expect(treeSigned).toMatchObject({ treeSize: 42, treeRoot: 'c'.repeat(64) });
    expect(verifyDigestSignature(treeSigned)).toBe(true);
  });

  it.each<[string, Partial<SignedDigest>]>([
    ['treeSize changed', { treeSize: 41 }],
    ['treeRoot changed', { treeRoot: 'd'.repeat(64) }],
    ['treeSize removed', { treeSize: undefined }],
    ['treeRoot removed', { treeRoot: undefined }],
    ['both removed (passed off as an old digest)', { treeSize: undefined, treeRoot: undefined }],
    ['treeSize made null', { treeSize: null as unknown as number }],
  ])('given a tree digest with %s, then it does not verify', (_what, edit) => {
    expect(verifyDigestSignature({ ...treeSigned, ...edit })).toBe(false);
  });

  it('given an old digest (signed over the five fields by a signer that knew no tree), then it still verifies', () => {
    // Signed here without digestSigningPayload, exactly as digests recorded before issue 12 were.
    const payload =
      '{"digestId":"head-41","eventCount":42,"logHash":"' +
      'a'.repeat(64) +
      '","position":41,"recordedAt":"2022-11-21T12:00:00.000Z"}';
    const old: SignedDigest = {
      ...unsigned,
      algorithm: 'Ed25519',
      publicKeyPem: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
      signature: sign(null, Buffer.from(payload, 'utf8'), key).toString('base64'),
    };
    expect(verifyDigestSignature(old)).toBe(true);
  });

  it('given an old digest with tree fields added afterwards, then it does not verify', () => {
    expect(verifyDigestSignature({ ...signed, treeSize: 42, treeRoot: 'c'.repeat(64) })).toBe(false);
  });

  it.each<[string, Partial<UnsignedDigest>]>([
    ['only treeSize', { treeSize: 42 }],
    ['only treeRoot', { treeRoot: 'c'.repeat(64) }],
    ['a root that is not lowercase hex', { treeSize: 42, treeRoot: 'C'.repeat(64) }],
    ['a negative size', { treeSize: -1, treeRoot: 'c'.repeat(64) }],
  ])('refuses to sign a digest with %s', (_what, edit) => {
    expect(() => signDigest({ ...unsigned, ...edit }, key)).toThrow(TypeError);
  });
});

describe('digests that commit to the stream heads (streamHeadsSize, streamHeadsRoot)', () => {
  const withTree: UnsignedDigest = { ...unsigned, treeSize: 42, treeRoot: 'c'.repeat(64) };
  const withHeads: UnsignedDigest = { ...withTree, streamHeadsSize: 7, streamHeadsRoot: 'e'.repeat(64) };
  const headsSigned = signDigest(withHeads, key);
  const treeOnly = signDigest(withTree, key);

  it('given a digest signed with the stream heads, then it carries both fields and verifies; a tree-only digest still verifies', () => {
    expect(headsSigned).toMatchObject({ treeSize: 42, streamHeadsSize: 7, streamHeadsRoot: 'e'.repeat(64) });
    expect(verifyDigestSignature(headsSigned)).toBe(true);
    expect(treeOnly).not.toHaveProperty('streamHeadsSize');
    expect(verifyDigestSignature(treeOnly)).toBe(true);
  });

  it.each<[string, Partial<SignedDigest>]>([
    ['streamHeadsSize changed', { streamHeadsSize: 6 }],
    ['streamHeadsRoot changed', { streamHeadsRoot: 'f'.repeat(64) }],
    ['streamHeadsSize removed', { streamHeadsSize: undefined }],
    ['streamHeadsRoot removed', { streamHeadsRoot: undefined }],
    ['both removed (passed off as a tree-only digest)', { streamHeadsSize: undefined, streamHeadsRoot: undefined }],
    ['the tree removed', { treeSize: undefined, treeRoot: undefined }],
  ])('given a heads digest with %s, then it does not verify', (_what, edit) => {
    expect(verifyDigestSignature({ ...headsSigned, ...edit })).toBe(false);
  });

  it('given a tree-only digest with heads fields added afterwards, then it does not verify', () => {
    expect(verifyDigestSignature({ ...treeOnly, streamHeadsSize: 7, streamHeadsRoot: 'e'.repeat(64) })).toBe(false);
  });

  it.each<[string, Partial<UnsignedDigest>]>([
    ['only streamHeadsSize', { ...withTree, streamHeadsSize: 7 }],
    ['only streamHeadsRoot', { ...withTree, streamHeadsRoot: 'e'.repeat(64) }],
    ['heads without a tree', { streamHeadsSize: 7, streamHeadsRoot: 'e'.repeat(64) }],
    ['a heads root that is not lowercase hex', { ...withTree, streamHeadsSize: 7, streamHeadsRoot: 'E'.repeat(64) }],
    ['a fractional heads size', { ...withTree, streamHeadsSize: 1.5, streamHeadsRoot: 'e'.repeat(64) }],
  ])('refuses to sign a digest with %s', (_what, edit) => {
    expect(() => signDigest({ ...unsigned, ...edit }, key)).toThrow(TypeError);
  });
});
