import type { CompletedNode } from './compact-range';
import {
  assemble,
  consistencyPlan,
  type ElementPlan,
  foldElement,
  inclusionPlan,
  type NodeId,
  nodesToRead,
  rootPlan,
} from './node-plan';
import { rootOfLeafHashes } from './definition';
import { EMPTY_TREE_ROOT } from './hashing';

/*
 * Proofs served from stored complete nodes. A store keeps every CompletedNode that
 * CompactRange.append returns, keyed by (level, index): 2n - popcount(n) nodes for n leaves, so
 * about two 32-byte hashes per event (~64 bytes before row overhead). A store that can recompute a
 * leaf hash from the event itself (eventLeafHash) may skip level 0 and answer it from the event row:
 * about one hash per event. A proof reads at most about 2 log2(n) nodes, in one batch.
 * Going further, a store may keep only the nodes of level >= L and rebuild the few lower ones a
 * proof needs from the events' leaf hashes (readNodesAbove): 2^-L of a node row per event, at the
 * price of reading up to 2^(L-1) events per low node (node-store.spec.ts; bench/merkle.bench.ts).
 */

/** Reads complete nodes in one batch: the hash of each id in order, undefined where none is stored. */
export type ReadNodes = (ids: readonly NodeId[]) => readonly (Buffer | undefined)[];
export type ReadNodesAsync = (ids: readonly NodeId[]) => Promise<readonly (Buffer | undefined)[]>;

/** The proof (or root, for rootPlan) a plan describes, from a synchronous store (better-sqlite3, memory). */
export function proofFrom(plans: readonly ElementPlan[], read: ReadNodes): Buffer[] {
  const ids = nodesToRead(plans);
  return assemble(plans, ids, read(ids));
}

export async function proofFromAsync(plans: readonly ElementPlan[], read: ReadNodesAsync): Promise<Buffer[]> {
  const ids = nodesToRead(plans);
  return assemble(plans, ids, await read(ids));
}

/** The inclusion proof of leaf `index` in the tree of `size`. */
export const proveInclusion = (read: ReadNodes, index: number, size: number): Buffer[] =>
  proofFrom(inclusionPlan(index, size), read);

/** The consistency proof from the tree of `fromSize` to the tree of `toSize`. */
export const proveConsistency = (read: ReadNodes, fromSize: number, toSize: number): Buffer[] =>
  proofFrom(consistencyPlan(fromSize, toSize), read);

/** MTH of the first `size` leaves (the root a digest at that size signed), from stored nodes. */
export function rootAt(read: ReadNodes, size: number): Buffer {
  if (size === 0) return EMPTY_TREE_ROOT;
  return foldElement(
    proofFrom(
      rootPlan(size).map((id) => [id]),
      read,
    ),
  );
}

/**
 * A ReadNodes for a store that keeps only nodes of level >= minLevel: lower nodes are rebuilt from
 * the leaf hashes of the leaves they cover (an engine recomputes them with eventLeafHash from the
 * events at those log indexes). `readLeafHashes(from, to)` returns leaves [from, to), or fewer if the
 * log is shorter (the node then reads as missing).
 */
export function readNodesAbove(
  minLevel: number,
  readStored: ReadNodes,
  readLeafHashes: (from: number, to: number) => readonly Buffer[],
): ReadNodes {
  return (ids) => {
    const high = ids.filter((id) => id.level >= minLevel);
    const values = high.length > 0 ? readStored(high) : [];
    const stored = new Map(high.map((id, i) => [id, values[i]] as const));
    return ids.map((id) => {
      if (id.level >= minLevel) return stored.get(id);
      const width = 2 ** id.level;
      const leaves = readLeafHashes(id.index * width, (id.index + 1) * width);
      return leaves.length === width ? rootOfLeafHashes(leaves) : undefined;
    });
  };
}

/**
 * Complete nodes in memory, one dense array per level: nodes complete in index order at every
 * level, so an array indexed by node index holds them without keys. For the memory engine and
 * tests; a durable engine keeps the same (level, index) -> hash table on disk.
 */
export class MemoryNodeStore {
  private readonly levels: Buffer[][] = [];

  /** Keeps what CompactRange.append returned; throws if a node arrives out of order (a lost or doubled append). */
  put(nodes: readonly CompletedNode[]): void {
    for (const { level, index, hash } of nodes) {
      const row = (this.levels[level] ??= []);
      if (index !== row.length)
        throw new RangeError(`Merkle node level ${level} index ${index} arrived when ${row.length} was expected`);
      row.push(hash);
    }
  }

  readonly read: ReadNodes = (ids) => ids.map(({ level, index }) => this.levels[level]?.[index]);

  /** Complete nodes held (the storage figure: 2n - popcount(n) for n leaves). */
  get nodeCount(): number {
    return this.levels.reduce((n, row) => n + row.length, 0);
  }
}
