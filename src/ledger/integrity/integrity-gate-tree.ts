import type { SignedDigest } from '../digests/signed-digest';
import type { StoredEvent } from '../event-envelope';
import { CompactRange, eventLeafHash, toHex, type CompactRangeState } from './merkle';

/**
 * The RFC 9162 tree over the log, recomputed from the events as the gate reads them (never taken
 * from the log-tree follower's file), resumed from the verified point's peaks so a tail check costs
 * one leaf per new event. Each digest that signs a tree is checked where the log reaches the
 * position it covers: the tree there must have its size and root.
 */
export class GateTree {
  private readonly due = new Map<number, SignedDigest[]>();

  private constructor(private range: CompactRange) {}

  static empty(): GateTree {
    return new GateTree(CompactRange.empty());
  }

  /** The tree through a verified point; undefined when the point holds none (or one that is not a tree's). */
  static resume(state: CompactRangeState | undefined): GateTree | undefined {
    if (!state) return undefined;
    try {
      return new GateTree(CompactRange.resume(state));
    } catch {
      return undefined;
    }
  }

  /** Digests to hold to the tree as the log reaches their positions (those with tree fields only). */
  expect(digests: SignedDigest[]): void {
    for (const d of digests)
      if (d.treeSize !== undefined) this.due.set(d.position, [...(this.due.get(d.position) ?? []), d]);
  }

  /** From the start of the log again (a verifier's second pass). */
  restart(): void {
    this.range = CompactRange.empty();
  }

  /** Appends the event's leaf; the problems of any digest covering exactly its position. */
  take(e: StoredEvent): string[] {
    this.range.append(eventLeafHash(e));
    const digests = this.due.get(e.position);
    if (!digests) return [];
    this.due.delete(e.position);
    const root = toHex(this.range.root());
    return digests
      .filter((d) => d.treeSize !== this.range.size || d.treeRoot !== root)
      .map(
        (d) =>
          `digest ${d.digestId}: the tree over the log up to position ${d.position} has ${this.range.size} leaves and root ${root}, not the ${d.treeSize} and ${d.treeRoot} signed (an event at or before it was altered, removed, inserted or moved)`,
      );
  }

  /** Digests whose position (at or before the head) was never reached: it names no event. */
  unmet(headPosition: number): string[] {
    return [...this.due.values()]
      .flat()
      .filter((d) => d.position <= headPosition)
      .map((d) => `digest ${d.digestId} covers position ${d.position}, which names no event in the ledger`);
  }

  state(): CompactRangeState {
    return this.range.state();
  }
}
