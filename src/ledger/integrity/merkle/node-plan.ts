import { hashChildren, isTreeIndex, largestPowerOfTwoBelow, powerOfTwoAtMost } from './hashing';

/*
 * Which stored nodes a proof needs. Every subtree of an RFC 9162 tree that holds a power of two of
 * leaves is aligned: it covers leaves [index * 2^level, (index + 1) * 2^level). Such a "complete
 * node" never changes once its last leaf is appended, so a store keeps it under (level, index)
 * (CompactRange.append hands each one over as it completes). A subtree that is not complete (only
 * ever on the right edge of the tree) is the right fold of the complete nodes that tile it, largest
 * first: MTH(D[x:n]) = HASH(0x01 || P1 || HASH(0x01 || P2 || ...)), which is how RFC 9162 2.1.1
 * splits it. A proof element is therefore a list of complete nodes, and a proof a list of those.
 *
 * Cost: PATH and SUBPROOF descend one side per level, and once they descend left every subtree
 * below is complete; so a proof has at most one incomplete element, and reads at most about
 * 2 log2(n) complete nodes in all (node-plan.spec.ts checks the bound for every size it tries).
 */

export interface NodeId {
  /** Height above the leaves: 0 is a leaf hash, a node at level h covers 2^h leaves. */
  readonly level: number;
  readonly index: number;
}

/** One proof element: the complete nodes that tile it, left to right (one node when it is complete). */
export type ElementPlan = readonly NodeId[];

/** The complete nodes tiling the RFC subtree of `size` leaves starting at leaf `start`, largest first. */
export function tiling(start: number, size: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  let rest = size;
  while (rest > 0) {
    const width = powerOfTwoAtMost(rest);
    const level = Math.log2(width);
    nodes.push({ level, index: at / width });
    at += width;
    rest -= width;
  }
  return nodes;
}

/** The complete nodes whose fold is the root of the tree of `size` leaves (its compact range). */
export const rootPlan = (size: number): ElementPlan => {
  if (!isTreeIndex(size)) throw new RangeError(`not a tree size: ${size}`);
  return tiling(0, size);
};

/** PATH(index, D[size]) of RFC 9162 2.1.3.1, as nodes to read. */
export function inclusionPlan(index: number, size: number): ElementPlan[] {
  if (!isTreeIndex(index) || !isTreeIndex(size) || index >= size)
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path = (m: number, start: number, n: number): ElementPlan[] => {
    if (n === 1) return [];
    const k = largestPowerOfTwoBelow(n);
    return m < k
      ? [...path(m, start, k), tiling(start + k, n - k)]
      : [...path(m - k, start + k, n - k), tiling(start, k)];
  };
  return path(index, 0, size);
}

/** PROOF(fromSize, D[toSize]) of RFC 9162 2.1.4.1, as nodes to read; empty when fromSize is 0 or toSize. */
export function consistencyPlan(fromSize: number, toSize: number): ElementPlan[] {
  if (!isTreeIndex(fromSize) || !isTreeIndex(toSize) || fromSize > toSize)
    throw new RangeError(`size ${fromSize} is not a prefix of a tree of ${toSize}`);
  const subproof = (m: number, start: number, n: number, b: boolean): ElementPlan[] => {
    if (m === n) return b ? [] : [tiling(start, m)];
    const k = largestPowerOfTwoBelow(n);
    return m <= k
      ? [...subproof(m, start, k, b), tiling(start + k, n - k)]
      : [...subproof(m - k, start + k, n - k, false), tiling(start, k)];
  };
  return fromSize === 0 || fromSize === toSize ? [] : subproof(fromSize, 0, toSize, true);
}

const key = (id: NodeId): string => `${id.level}/${id.index}`;

/** Every node the plans need, each once, in a stable order: what a store reads in one batch. */
export function nodesToRead(plans: readonly ElementPlan[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const element of plans) for (const id of element) seen.set(key(id), id);
  return [...seen.values()];
}

/** The hash of one element from its nodes' hashes (the right fold described above). */
export function foldElement(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) throw new RangeError('an element has at least one node');
  let r = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) r = hashChildren(hashes[i], r);
  return r;
}

/** Builds the proof from the hashes read for nodesToRead(plans) (same order); throws if one is missing. */
export function assemble(
  plans: readonly ElementPlan[],
  ids: readonly NodeId[],
  hashes: readonly (Buffer | undefined)[],
): Buffer[] {
  const byKey = new Map<string, Buffer | undefined>(ids.map((id, i) => [key(id), hashes[i]]));
  return plans.map((element) =>
    foldElement(
      element.map((id) => {
        const h = byKey.get(key(id));
        if (h === undefined) throw new MissingNodeError(id);
        return h;
      }),
    ),
  );
}

/** A node a proof needs is not in the store: the store is behind the size asked for, or damaged. */
export class MissingNodeError extends Error {
  constructor(readonly node: NodeId) {
    super(`Merkle node level ${node.level} index ${node.index} is not stored`);
    this.name = 'MissingNodeError';
  }
}
