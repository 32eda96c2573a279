import { EMPTY_TREE_ROOT, hashChildren, hashLeaf, largestPowerOfTwoBelow } from './hashing';

/*
 * RFC 9162 section 2.1 written as the RFC writes it: recursive over the whole list, O(n) per call.
 * It is the executable specification: the tests hold the incremental tree and the stored-node proofs
 * to it, and an offline verifier holding every leaf (verify-store) may use it directly. Everything
 * takes leaf hashes (SHA-256(0x00 || input)); merkleTreeHash takes raw inputs for the RFC's vectors.
 * D[k1:k2] of the RFC is leaves.slice(k1, k2).
 */

/** MTH(D[n]), 2.1.1, over the leaves' hashes. */
export function rootOfLeafHashes(leaves: readonly Buffer[]): Buffer {
  const n = leaves.length;
  if (n === 0) return EMPTY_TREE_ROOT;
  if (n === 1) return leaves[0];
  const k = largestPowerOfTwoBelow(n);
  return hashChildren(rootOfLeafHashes(leaves.slice(0, k)), rootOfLeafHashes(leaves.slice(k)));
}

/** MTH(D[n]) over raw leaf inputs. */
export const merkleTreeHash = (inputs: readonly Uint8Array[]): Buffer => rootOfLeafHashes(inputs.map(hashLeaf));

/** PATH(m, D[n]), 2.1.3.1: the inclusion proof (audit path) of leaf m, nearest sibling first. */
export function inclusionPath(m: number, leaves: readonly Buffer[]): Buffer[] {
  const n = leaves.length;
  if (!(m >= 0 && m < n)) throw new RangeError(`leaf ${m} is not in a tree of ${n}`);
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  return m < k
    ? [...inclusionPath(m, leaves.slice(0, k)), rootOfLeafHashes(leaves.slice(k))]
    : [...inclusionPath(m - k, leaves.slice(k)), rootOfLeafHashes(leaves.slice(0, k))];
}

/**
 * PROOF(m, D[n]) = SUBPROOF(m, D[n], true), 2.1.4.1, for 0 < m < n. For m = n and m = 0 the
 * RFC defines no proof; the empty list stands for "nothing to prove" (see verifyConsistency).
 */
export function consistencyPath(m: number, leaves: readonly Buffer[]): Buffer[] {
  const n = leaves.length;
  if (!(m >= 0 && m <= n)) throw new RangeError(`size ${m} is not a prefix of a tree of ${n}`);
  return m === 0 || m === n ? [] : subproof(m, leaves, true);
}

function subproof(m: number, leaves: readonly Buffer[], b: boolean): Buffer[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [rootOfLeafHashes(leaves)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), b), rootOfLeafHashes(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), rootOfLeafHashes(leaves.slice(0, k))];
}
