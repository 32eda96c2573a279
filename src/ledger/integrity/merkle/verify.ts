import {
  EMPTY_TREE_ROOT,
  hashChildren,
  isHash,
  isPowerOfTwo,
  isTreeIndex,
  lsbSet,
  sameHash,
  shiftRight,
} from './hashing';

/*
 * The two verification algorithms of RFC 9162, step by step as sections 2.1.3.2 and 2.1.4.2 give
 * them (the step numbers are the RFC's). They need nothing but the proof, so a pack or a published
 * digest is checked offline. Every input is validated first (a hash is 32 bytes, a size or index a
 * safe non-negative integer); anything malformed is simply "does not verify", never a throw, since
 * proofs come from files an attacker may have edited.
 */

export interface InclusionClaim {
  /** SHA-256(0x00 || leaf input): see hashLeaf and eventLeafHash. */
  leafHash: Uint8Array;
  /** The leaf's 0-based index in the log (the RFC's leaf_index). */
  index: number;
  /** The tree size the root is for (the RFC's tree_size). */
  size: number;
  /** inclusion_path: nearest sibling first. */
  proof: readonly Uint8Array[];
  root: Uint8Array;
}

const wellFormedProof = (proof: unknown): proof is readonly Uint8Array[] => Array.isArray(proof) && proof.every(isHash);

/**
 * RFC 9162 2.1.3.2: true when `proof` proves leafHash is leaf `index` of the tree of `size` with `root`.
 * Take size and root together from one signed digest: the proof fixes the root and the leaf's path,
 * not the size alone (leaf 0 of 3 and of 4 fold alike, so a proof checks against a wrong size paired
 * with the right root; never against another size's root).
 */
export function verifyInclusion({ leafHash, index, size, proof, root }: InclusionClaim): boolean {
  if (!isHash(leafHash) || !isHash(root) || !isTreeIndex(index) || !isTreeIndex(size) || !wellFormedProof(proof))
    return false;
  // 1. If leaf_index is greater than or equal to tree_size, fail.
  if (index >= size) return false;
  // 2. Set fn to leaf_index and sn to tree_size - 1.
  let fn = index;
  let sn = size - 1;
  // 3. Set r to hash.
  let r: Uint8Array = leafHash;
  // 4. For each value p in the inclusion_path array:
  for (const p of proof) {
    // a. If sn is 0, stop the iteration and fail.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if (lsbSet(fn) || fn === sn) {
      // i. Set r to HASH(0x01 || p || r).
      r = hashChildren(p, r);
      // ii. If LSB(fn) is not set, right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      while (!lsbSet(fn) && fn !== 0) {
        fn = shiftRight(fn);
        sn = shiftRight(sn);
      }
    } else {
      // Otherwise: i. Set r to HASH(0x01 || r || p).
      r = hashChildren(r, p);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn = shiftRight(fn);
    sn = shiftRight(sn);
  }
  // 5. If sn is 0 and r equals root_hash, the inclusion is proven; otherwise fail.
  return sn === 0 && sameHash(r, root);
}

export interface ConsistencyClaim {
  /** The older tree: first, first_hash. */
  fromSize: number;
  fromRoot: Uint8Array;
  /** The newer tree: second, second_hash. */
  toSize: number;
  toRoot: Uint8Array;
  /** consistency_path as PROOF(first, D[second]) gives it. */
  proof: readonly Uint8Array[];
}

/**
 * RFC 9162 2.1.4.2: true when `proof` shows the tree of toSize with toRoot extends the tree of
 * fromSize with fromRoot (it holds the same first fromSize leaves). The RFC's algorithm is for
 * 0 < first < second; the two edges it leaves out are settled without a proof, as its 2.1.4.1
 * defines none: equal sizes are consistent exactly when the roots are equal, and the empty tree
 * (whose root must be MTH({})) is a prefix of every tree. Both want an empty proof.
 */
export function verifyConsistency({ fromSize, fromRoot, toSize, toRoot, proof }: ConsistencyClaim): boolean {
  if (!isHash(fromRoot) || !isHash(toRoot) || !isTreeIndex(fromSize) || !isTreeIndex(toSize) || !wellFormedProof(proof))
    return false;
  if (fromSize > toSize) return false;
  if (fromSize === toSize) return proof.length === 0 && sameHash(fromRoot, toRoot);
  if (fromSize === 0) return proof.length === 0 && sameHash(fromRoot, EMPTY_TREE_ROOT);
  // 1. If consistency_path is an empty array, stop and fail.
  if (proof.length === 0) return false;
  // 2. If first is an exact power of 2, prepend first_hash to the consistency_path array.
  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : proof;
  // 3. Set fn to first - 1 and sn to second - 1.
  let fn = fromSize - 1;
  let sn = toSize - 1;
  // 4. If LSB(fn) is set, right-shift both fn and sn equally until LSB(fn) is not set.
  while (lsbSet(fn)) {
    fn = shiftRight(fn);
    sn = shiftRight(sn);
  }
  // 5. Set both fr and sr to the first value in the consistency_path array.
  let fr: Uint8Array = path[0];
  let sr: Uint8Array = path[0];
  // 6. For each subsequent value c in the consistency_path array:
  for (const c of path.slice(1)) {
    // a. If sn is 0, stop the iteration and fail.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if (lsbSet(fn) || fn === sn) {
      // i. Set fr to HASH(0x01 || c || fr). ii. Set sr to HASH(0x01 || c || sr).
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      // iii. If LSB(fn) is not set, right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      while (!lsbSet(fn) && fn !== 0) {
        fn = shiftRight(fn);
        sn = shiftRight(sn);
      }
    } else {
      // Otherwise: i. Set sr to HASH(0x01 || sr || c).
      sr = hashChildren(sr, c);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn = shiftRight(fn);
    sn = shiftRight(sn);
  }
  // 7. fr must equal first_hash, sr second_hash, and sn be 0.
  return sameHash(fr, fromRoot) && sameHash(sr, toRoot) && sn === 0;
}
