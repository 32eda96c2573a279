import { createHash } from 'node:crypto';

/*
 * RFC 9162 section 2.1.1 (the same hashing as RFC 6962 section 2.1), over SHA-256:
 *   MTH({})         = SHA-256()                          the empty tree
 *   leaf hash       = SHA-256(0x00 || leaf input)        MTH of a one-leaf tree
 *   interior node   = SHA-256(0x01 || left || right)
 * The distinct prefixes keep a leaf from ever being passed off as an interior node (second preimage).
 * Every hash is a 32-byte Buffer; hex is for the edges (JSON, SQL text), never for the arithmetic here.
 */

export const HASH_SIZE = 32;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) = SHA-256 of the empty string (e3b0c442...b855). */
export const EMPTY_TREE_ROOT: Buffer = createHash('sha256').digest();

export function hashLeaf(leafInput: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leafInput).digest();
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

export const isHash = (h: unknown): h is Uint8Array => h instanceof Uint8Array && h.length === HASH_SIZE;

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** A tree size or leaf index: an integer JS numbers hold exactly (sizes never go through 32-bit `>>`/`&`). */
export const isTreeIndex = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;

// Bit arithmetic on doubles: exact up to 2^53, where JS bitwise operators truncate to 32 bits.
export const lsbSet = (n: number): boolean => n % 2 === 1;
export const shiftRight = (n: number): number => Math.floor(n / 2);

/** The largest power of two <= n (n >= 1); corrected by one step where Math.log2 rounds near 2^k. */
export function powerOfTwoAtMost(n: number): number {
  let w = 2 ** Math.floor(Math.log2(n));
  if (w > n) w /= 2;
  else if (w * 2 <= n) w *= 2;
  return w;
}

export const isPowerOfTwo = (n: number): boolean => n >= 1 && powerOfTwoAtMost(n) === n;

/** The k of RFC 9162 2.1.1: the largest power of two smaller than n (n > 1). */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export const toHex = (h: Uint8Array): string => Buffer.from(h.buffer, h.byteOffset, h.length).toString('hex');

/** A 64-character lowercase hex hash as bytes; throws on anything else (callers parse untrusted JSON). */
export function fromHex(hex: string): Buffer {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex))
    throw new TypeError(`not a SHA-256 hash in lowercase hex: ${JSON.stringify(hex)}`);
  return Buffer.from(hex, 'hex');
}
