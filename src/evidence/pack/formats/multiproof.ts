import { hash } from 'node:crypto';
import { largestPowerOfTwoBelow } from '../../../ledger/integrity/merkle';

/*
 * One proof for many leaves of an RFC 9162 tree (a "multiproof"): given the hashes of the leaves a
 * pack holds, the only other hashes needed to recompute the root are those of the subtrees that
 * hold none of them (the gaps), one per maximal gap in the RFC's own recursion (MTH(D[a:b]) splits
 * at the largest power of two below b - a). Per-event inclusion proofs would repeat the upper nodes
 * in every proof (~log2 n hashes per event); this needs at most ~k log2(n/k) hashes for k leaves,
 * and almost none when the pack holds most of the log. Subtrees are named by their leaf range
 * [start, end), which covers the right edge's incomplete subtrees as well as complete ones.
 * Pure; the builder takes gap hashes from inclusion proofs (pathRanges says which element is which).
 */

export interface Range {
  start: number;
  end: number;
}

/**
 * RFC 9162's interior node, SHA-256(0x01 || left || right), as hashChildren computes it, but one-shot:
 * a pack's root takes up to ~n of them in one synchronous pass, and each createHash object holds
 * native memory until a later turn of the event loop frees it (+10-25 MB of RSS at 100k events).
 * multiproof.spec.ts holds the roots to the merkle module's own.
 */
const NODE_PREFIX = Buffer.from([0x01]);
const nodeHash = (left: Buffer, right: Buffer): Buffer =>
  hash('sha256', Buffer.concat([NODE_PREFIX, left, right], 65), 'buffer');
export const rangeKey = (start: number, end: number) => `${start}-${end}`;

/** Index of the first element of sorted `xs` at or after `value`, within [lo, hi). */
function lowerBound(xs: readonly number[], value: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The gaps of the tree of `size` around the sorted, distinct leaf indexes `leaves` (all < size),
 * each with a held leaf of its sibling subtree, whose inclusion proof holds the gap's hash.
 */
export function gapsOf(size: number, leaves: readonly number[]): (Range & { witness: number })[] {
  const gaps: (Range & { witness: number })[] = [];
  const walk = (start: number, end: number, lo: number, hi: number): void => {
    if (end - start === 1) return;
    const mid = start + largestPowerOfTwoBelow(end - start);
    const split = lowerBound(leaves, mid, lo, hi);
    if (split === lo) gaps.push({ start, end: mid, witness: leaves[lo] });
    else walk(start, mid, lo, split);
    if (split === hi) gaps.push({ start: mid, end, witness: leaves[lo] });
    else walk(mid, end, split, hi);
  };
  if (leaves.length > 0 && size > 0) walk(0, size, 0, leaves.length);
  return gaps;
}

/** The ranges of PATH(m, D[size])'s elements, nearest sibling first: element i of an inclusion proof is the hash of range i. */
export function pathRanges(m: number, size: number): Range[] {
  const out: Range[] = [];
  let [start, end] = [0, size];
  while (end - start > 1) {
    const mid = start + largestPowerOfTwoBelow(end - start);
    if (m < mid) {
      out.push({ start: mid, end });
      end = mid;
    } else {
      out.push({ start, end: mid });
      start = mid;
    }
  }
  return out.reverse();
}

/**
 * MTH(D[size]) from the held leaves (indexes sorted and distinct, all < size; hashAt(i) the hash of
 * the i-th of them) and the gaps' hashes, or the first gap whose hash is missing. Hashes O(k log n)
 * nodes for k leaves.
 */
export function rootFrom(
  size: number,
  indexes: readonly number[],
  hashAt: (i: number) => Buffer,
  gap: (start: number, end: number) => Buffer | undefined,
): { root: Buffer } | { missing: Range } {
  let missing: Range | undefined;
  const walk = (start: number, end: number, lo: number, hi: number): Buffer | undefined => {
    if (lo === hi) {
      const h = gap(start, end);
      if (!h) missing ??= { start, end };
      return h;
    }
    if (end - start === 1) return hashAt(lo);
    const mid = start + largestPowerOfTwoBelow(end - start);
    const split = lowerBound(indexes, mid, lo, hi);
    const left = walk(start, mid, lo, split);
    const right = walk(mid, end, split, hi);
    return left && right ? nodeHash(left, right) : undefined;
  };
  const root = size > 0 && indexes.length > 0 ? walk(0, size, 0, indexes.length) : undefined;
  if (!root && !missing) return { missing: { start: 0, end: size } };
  return root ? { root } : { missing: missing! };
}
