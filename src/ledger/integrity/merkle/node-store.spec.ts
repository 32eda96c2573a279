import { CompactRange } from './compact-range';
import { consistencyPath, inclusionPath, rootOfLeafHashes } from './definition';
import { hashLeaf } from './hashing';
import {
  MemoryNodeStore,
  proofFromAsync,
  proveConsistency,
  proveInclusion,
  readNodesAbove,
  rootAt,
} from './node-store';
import { inclusionPlan, type NodeId } from './node-plan';

const N = 77;
const leaves = Array.from({ length: N }, (_, i) => hashLeaf(Buffer.from(`e${i}`)));
const hex = (hs: readonly Buffer[]): string => hs.map((x) => x.toString('hex')).join(',');

describe('MemoryNodeStore and proofs from stored nodes', () => {
  it('given nodes arriving out of order (a lost or doubled append), when put, then the store refuses them', () => {
    const store = new MemoryNodeStore();
    const tree = CompactRange.empty();
    const first = tree.append(leaves[0]);
    store.put(first);
    expect(() => store.put(first)).toThrow('Merkle node level 0 index 0 arrived when 1 was expected');
    tree.append(leaves[1]);
    expect(() => store.put(tree.append(leaves[2]))).toThrow('Merkle node level 0 index 2 arrived when 1 was expected');
  });

  it('given an asynchronous store (EventStoreDB-side), when a proof is planned and read, then it is the same proof', async () => {
    const store = new MemoryNodeStore();
    const tree = CompactRange.empty();
    for (const leaf of leaves) store.put(tree.append(leaf));
    let batches = 0;
    const readAsync = async (ids: readonly NodeId[]) => {
      batches++;
      return store.read(ids);
    };
    expect(hex(await proofFromAsync(inclusionPlan(40, N), readAsync))).toBe(hex(inclusionPath(40, leaves)));
    expect(batches).toBe(1); // one round trip per proof
  });

  it.each([1, 2, 4])(
    'given a store keeping only nodes of level >= %i, when proofs and roots are served, then low nodes are rebuilt from leaf hashes and all match the RFC',
    (minLevel) => {
      const kept = new MemoryNodeStore();
      const tree = CompactRange.empty();
      let rows = 0;
      for (const leaf of leaves) {
        const high = tree.append(leaf).filter((n) => n.level >= minLevel);
        rows += high.length;
        kept.put(high); // each kept level still arrives densely, in index order
      }
      let leafReads = 0;
      const read = readNodesAbove(minLevel, kept.read, (from, to) => {
        leafReads += to - from;
        return leaves.slice(from, to);
      });
      for (let size = 1; size <= N; size++) {
        expect(rootAt(read, size).toString('hex')).toBe(rootOfLeafHashes(leaves.slice(0, size)).toString('hex'));
        for (let index = 0; index < size; index++)
          expect(hex(proveInclusion(read, index, size))).toBe(hex(inclusionPath(index, leaves.slice(0, size))));
        for (let from = 0; from <= size; from++)
          expect(hex(proveConsistency(read, from, size))).toBe(hex(consistencyPath(from, leaves.slice(0, size))));
      }
      expect(rows).toBeLessThanOrEqual(Math.ceil(N / 2 ** (minLevel - 1))); // about 2^(1 - L) rows per event
      expect(leafReads).toBeGreaterThan(0);
    },
  );

  it('given a store that lacks the leaves a low node covers, when read, then the node is missing rather than wrong', () => {
    const read = readNodesAbove(
      2,
      () => [],
      (from, to) => leaves.slice(from, Math.min(to, 3)),
    );
    expect(
      read([
        { level: 1, index: 0 },
        { level: 1, index: 1 },
      ]),
    ).toEqual([expect.any(Buffer), undefined]);
  });
});
