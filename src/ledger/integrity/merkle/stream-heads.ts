import { hash } from 'node:crypto';
import { EMPTY_TREE_ROOT } from './hashing';
import { eventLeafInput } from './event-leaf';

/*
 * The stream-heads tree (issue 12): the log tree commits to log order, never to which event is a
 * stream's last, so a pack cut short at a stream's tail can be re-proven from hashes the pack holds.
 * A digest therefore also signs MTH over one leaf per stream at the digest: the leaves in ascending
 * streamId order (UTF-16 code-unit order, as JavaScript compares strings: `a < b`), each leaf the
 * stream's last event's eventLeafHash (the same leaf input as the log tree's: streamId, revision,
 * integrity.hash). An RFC 9162 tree, so inclusion proofs verify with verifyInclusion.
 * Built bottom-up level by level: a level's odd last node is carried up unchanged, which gives
 * exactly MTH's split at the largest power of two below n (held to definition.ts in the spec), in
 * O(n) hashes, and a proof per stream in O(log n) from the levels kept.
 */

export interface StreamHead {
  revision: number;
  hash: string;
}

/** Code-unit order, stated: never localeCompare, whose order depends on the ICU build. */
export const compareStreamIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
// One-shot hashing (hashLeaf/hashChildren's bytes): a tree over tens of thousands of streams takes one
// synchronous pass, and each createHash object holds native memory until a later turn (see multiproof.ts).
const node = (left: Buffer, right: Buffer): Buffer =>
  hash('sha256', Buffer.concat([NODE_PREFIX, left, right], 65), 'buffer');
const leaf = (streamId: string, h: StreamHead): Buffer =>
  hash('sha256', Buffer.concat([LEAF_PREFIX, eventLeafInput(streamId, h.revision, h.hash)]), 'buffer');

/** A level of the tree: its nodes' hashes back to back in one buffer (one allocation per level, not per node). */
class Level {
  constructor(readonly hashes: Buffer) {}
  get length(): number {
    return this.hashes.length / 32;
  }
  at(i: number): Buffer {
    return this.hashes.subarray(i * 32, i * 32 + 32);
  }
}

export class StreamHeadsTree {
  private readonly index = new Map<string, number>();

  private constructor(
    readonly streamIds: readonly string[],
    private readonly levels: Level[],
  ) {
    streamIds.forEach((id, i) => this.index.set(id, i));
  }

  /** The tree over the heads given (one entry per stream; any order). Throws on a head that is not a well-formed leaf. */
  static of(heads: Iterable<[string, StreamHead]> | Map<string, StreamHead>): StreamHeadsTree {
    const entries = [...heads].sort(([a], [b]) => compareStreamIds(a, b));
    const leaves = Buffer.allocUnsafe(entries.length * 32);
    entries.forEach(([streamId, h], i) => leaf(streamId, h).copy(leaves, i * 32));
    return StreamHeadsTree.build(
      entries.map(([id]) => id),
      leaves,
    );
  }

  /** From leaf hashes already in ascending streamId order. */
  static fromLeaves(streamIds: readonly string[], leaves: Buffer[]): StreamHeadsTree {
    return StreamHeadsTree.build(streamIds, Buffer.concat(leaves, leaves.length * 32));
  }

  private static build(streamIds: readonly string[], leaves: Buffer): StreamHeadsTree {
    const levels = [new Level(leaves)];
    while (levels.at(-1)!.length > 1) {
      const below = levels.at(-1)!;
      const n = below.length;
      const up = Buffer.allocUnsafe(Math.ceil(n / 2) * 32);
      for (let i = 0; i + 1 < n; i += 2) node(below.at(i), below.at(i + 1)).copy(up, (i / 2) * 32);
      if (n % 2 === 1) below.at(n - 1).copy(up, ((n - 1) / 2) * 32);
      levels.push(new Level(up));
    }
    return new StreamHeadsTree(streamIds, levels);
  }

  get size(): number {
    return this.streamIds.length;
  }

  root(): Buffer {
    return this.size === 0 ? EMPTY_TREE_ROOT : Buffer.from(this.levels.at(-1)!.at(0));
  }

  /** The stream's 0-based index in ascending streamId order, or undefined. */
  indexOf(streamId: string): number | undefined {
    return this.index.get(streamId);
  }

  /**
   * The union of PATH(i) over `indexes`, each node once, as its range of streams [start, end) with
   * its hash: level by level, the siblings of the given leaves' ancestors. A node at level l and
   * index j covers [j * 2^l, min((j + 1) * 2^l, size)), a carried-up node included. O(k log n) with no
   * per-path garbage (a pack over tens of thousands of streams would otherwise make ~k log n ranges).
   */
  pathNodes(indexes: Iterable<number>): { start: number; end: number; hash: Buffer }[] {
    const out: { start: number; end: number; hash: Buffer }[] = [];
    let at = new Set(indexes);
    for (let l = 0, width = 1; l < this.levels.length - 1; l++, width *= 2) {
      const level = this.levels[l];
      const siblings = new Set<number>();
      for (const i of at) {
        const sibling = i % 2 === 1 ? i - 1 : i + 1;
        if (sibling < level.length) siblings.add(sibling);
      }
      for (const j of [...siblings].sort((a, b) => a - b))
        out.push({ start: j * width, end: Math.min((j + 1) * width, this.size), hash: level.at(j) });
      at = new Set([...at].map((i) => Math.floor(i / 2)));
    }
    return out;
  }

  /** PATH(index, D[size]): the siblings from the leaf up, skipping levels where the node is carried up without one. */
  proof(index: number): Buffer[] {
    if (!(Number.isSafeInteger(index) && index >= 0 && index < this.size))
      throw new RangeError(`stream ${index} is not in a heads tree of ${this.size}`);
    const path: Buffer[] = [];
    let i = index;
    for (let l = 0; l < this.levels.length - 1; l++) {
      const level = this.levels[l];
      const sibling = i % 2 === 1 ? i - 1 : i + 1;
      if (sibling < level.length) path.push(level.at(sibling));
      i = Math.floor(i / 2);
    }
    return path;
  }
}
