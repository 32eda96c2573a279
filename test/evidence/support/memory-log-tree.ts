import type { KeyObject } from 'node:crypto';
import { signDigest } from '../../../src/ledger/digests/digest-signature';
import { computeLogHash } from '../../../src/ledger/digests/log-hash';
import type { SignedDigest } from '../../../src/ledger/digests/signed-digest';
import type { EventStore } from '../../../src/ledger/event-store.port';
import {
  CompactRange,
  eventLeafHash,
  MemoryNodeStore,
  proveConsistency,
  proveInclusion,
  rootAt,
  StreamHeadsTree,
  toHex,
} from '../../../src/ledger/integrity/merkle';
import type { LogTree, LogTreeHead } from '../../../src/ledger/log-tree/log-tree.port';

/**
 * The LOG_TREE port over a store's events, built in memory from the merkle module (CompactRange +
 * MemoryNodeStore), for the pack tests until (and besides) the engines' own follower: it reads the
 * log again whenever asked for a head beyond what it holds.
 */
export class MemoryLogTree implements LogTree {
  private readonly nodes = new MemoryNodeStore();
  private readonly range = CompactRange.empty();
  private readonly leafOf = new Map<number, number>();
  private lastPosition: number | null = null;

  constructor(private readonly store: EventStore) {}

  async head(upTo?: number): Promise<LogTreeHead> {
    if (upTo === undefined || this.lastPosition === null || this.lastPosition < upTo) await this.catchUp();
    return { size: this.range.size, rootHash: toHex(this.range.root()), lastPosition: this.lastPosition };
  }

  async leafIndexOf(position: number): Promise<number> {
    if (!this.leafOf.has(position)) await this.catchUp();
    const index = this.leafOf.get(position);
    if (index === undefined) throw new RangeError(`no event at position ${position}`);
    return index;
  }

  async inclusionProof(leafIndex: number, treeSize: number): Promise<string[]> {
    return proveInclusion(this.nodes.read, leafIndex, treeSize).map(toHex);
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<string[]> {
    return proveConsistency(this.nodes.read, fromSize, toSize).map(toHex);
  }

  async rootAt(size: number): Promise<string> {
    return toHex(rootAt(this.nodes.read, size));
  }

  private async catchUp(): Promise<void> {
    for (const e of await this.store.readAll({ after: this.lastPosition ?? undefined })) {
      this.leafOf.set(e.position, this.range.size);
      this.nodes.put(this.range.append(eventLeafHash(e)));
      this.lastPosition = e.position;
    }
  }
}

/**
 * A real digest of the log up to `position`, with the tree head and the stream heads as the service
 * signs them now; `edit` with both heads fields undefined gives a tree-only digest (as signed before the heads).
 */
export async function treeDigestAt(
  store: EventStore,
  tree: LogTree,
  position: number,
  key: KeyObject,
  edit: Partial<SignedDigest> = {},
): Promise<SignedDigest> {
  const upTo = (await store.readAll()).filter((e) => e.position <= position);
  await tree.head(position);
  const heads = StreamHeadsTree.of(
    new Map(upTo.map((e) => [e.streamId, { revision: e.revision, hash: e.integrity.hash }])),
  );
  return signDigest(
    {
      digestId: `d-${position}`,
      position,
      eventCount: upTo.length,
      logHash: computeLogHash(upTo.map((e) => e.integrity.hash)),
      treeSize: upTo.length,
      treeRoot: await tree.rootAt(upTo.length),
      streamHeadsSize: heads.size,
      streamHeadsRoot: toHex(heads.root()),
      recordedAt: '2023-03-01T09:00:00.000Z',
      ...edit,
    },
    key,
  );
}

/** The same digest signed as a tree-only one (after issue 12's tree, before the stream heads). */
export const treeOnlyDigestAt = (
  store: EventStore,
  tree: LogTree,
  position: number,
  key: KeyObject,
  edit: Partial<SignedDigest> = {},
) => treeDigestAt(store, tree, position, key, { streamHeadsSize: undefined, streamHeadsRoot: undefined, ...edit });
