import { EMPTY_TREE_ROOT, fromHex, hashChildren, isHash, isTreeIndex, toHex } from './hashing';
import { foldElement, type NodeId, rootPlan } from './node-plan';

/** A complete node an append has just finished: the store keeps it for proofs (see node-plan.ts). */
export interface CompletedNode extends NodeId {
  readonly hash: Buffer;
}

/** What a store persists to resume the tree without reading the log: the size and the peaks, largest first. */
export interface CompactRangeState {
  size: number;
  /** Hex hashes of the complete nodes tiling [0, size) (rootPlan(size)), one per set bit of size. */
  peaks: string[];
}

/**
 * The append-only Merkle tree of RFC 9162 kept incrementally: only the O(log n) "peaks" (the
 * complete subtrees that tile the log, one per set bit of its size; transparency-dev calls this a
 * compact range). Appending a leaf merges equal peaks like a binary carry: amortised two hashes per
 * leaf, at most log2(n) + 1. The root (the fold of the peaks) costs popcount(size) - 1 hashes.
 * Appends return every node they complete, so a store that keeps them can serve any proof
 * (node-plan.ts); one that keeps only the state can still commit to roots, not prove.
 * Pure: no I/O; an engine appends inside its write transaction and persists state() beside it.
 */
export class CompactRange {
  private constructor(
    private count: number,
    private readonly peaks: Buffer[],
  ) {}

  static empty(): CompactRange {
    return new CompactRange(0, []);
  }

  /** The range of a tree of `size` from its peaks (rootPlan(size) read from a node store, or state()). */
  static fromPeaks(size: number, peaks: readonly Uint8Array[]): CompactRange {
    if (!isTreeIndex(size)) throw new RangeError(`not a tree size: ${size}`);
    const expected = rootPlan(size).length;
    if (peaks.length !== expected) throw new RangeError(`a tree of ${size} has ${expected} peaks, not ${peaks.length}`);
    if (!peaks.every(isHash)) throw new TypeError('a peak is a 32-byte hash');
    return new CompactRange(
      size,
      peaks.map((p) => Buffer.from(p)),
    );
  }

  /** Resumes from state() as persisted (JSON); throws on a state that cannot be a tree's. */
  static resume(state: CompactRangeState): CompactRange {
    if (typeof state !== 'object' || state === null || !Array.isArray(state.peaks))
      throw new TypeError('not a compact range state');
    return CompactRange.fromPeaks(state.size, state.peaks.map(fromHex));
  }

  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash (SHA-256(0x00 || input)); returns the leaf node and every node it completes, lowest first. */
  append(leafHash: Uint8Array): CompletedNode[] {
    if (!isHash(leafHash)) throw new TypeError('a leaf hash is 32 bytes');
    let hash: Buffer = Buffer.from(leafHash);
    let index = this.count;
    let level = 0;
    const completed: CompletedNode[] = [{ level, index, hash }];
    // Bit `level` of the old size is set exactly when a peak of that level waits to be merged.
    while (Math.floor(this.count / 2 ** level) % 2 === 1) {
      hash = hashChildren(this.peaks.pop()!, hash);
      level += 1;
      index = Math.floor(index / 2);
      completed.push({ level, index, hash });
    }
    this.peaks.push(hash);
    this.count += 1;
    return completed;
  }

  /** MTH of the log so far: MTH({}) when empty. */
  root(): Buffer {
    return this.count === 0 ? EMPTY_TREE_ROOT : foldElement(this.peaks);
  }

  state(): CompactRangeState {
    return { size: this.count, peaks: this.peaks.map(toHex) };
  }

  /** An independent copy: appends to it leave this one as it was (a transaction that may roll back). */
  clone(): CompactRange {
    return new CompactRange(this.count, [...this.peaks]);
  }
}
