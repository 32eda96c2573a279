import fc from 'fast-check';
import { CompactRange } from './compact-range';
import { rootOfLeafHashes } from './definition';
import { hashChildren, hashLeaf } from './hashing';
import { MemoryNodeStore } from './node-store';
import { rootPlan } from './node-plan';

const SEED = 912_162;
const leaves = Array.from({ length: 140 }, (_, i) => hashLeaf(Buffer.from(`event ${i}`)));
const hex = (b: Buffer): string => b.toString('hex');

describe('CompactRange (the incremental tree an engine keeps at append time)', () => {
  it('given leaves appended one by one, when the root is taken after each, then it equals the recursive MTH for every size', () => {
    const tree = CompactRange.empty();
    expect(hex(tree.root())).toBe(hex(rootOfLeafHashes([])));
    leaves.forEach((leaf, i) => {
      tree.append(leaf);
      expect(tree.size).toBe(i + 1);
      expect(hex(tree.root())).toBe(hex(rootOfLeafHashes(leaves.slice(0, i + 1))));
    });
  });

  it('given an append, when it completes nodes, then it returns the leaf and each completed node lowest first, as a store would key them', () => {
    const tree = CompactRange.empty();
    for (const leaf of leaves.slice(0, 7)) tree.append(leaf);
    const completed = tree.append(leaves[7]); // leaf 7 closes nodes (1,3), (2,1), (3,0)
    expect(completed.map(({ level, index }) => [level, index])).toEqual([
      [0, 7],
      [1, 3],
      [2, 1],
      [3, 0],
    ]);
    expect(hex(completed[1].hash)).toBe(hex(hashChildren(leaves[6], leaves[7])));
    expect(hex(completed[3].hash)).toBe(hex(rootOfLeafHashes(leaves.slice(0, 8))));
    expect(tree.append(leaves[8]).map(({ level, index }) => [level, index])).toEqual([[0, 8]]);
  });

  it('given n appends, when every completed node is kept, then the store holds 2n - popcount(n) nodes (about two hashes per event)', () => {
    const store = new MemoryNodeStore();
    const tree = CompactRange.empty();
    leaves.forEach((leaf, i) => {
      store.put(tree.append(leaf));
      const n = i + 1;
      expect(store.nodeCount).toBe(2 * n - n.toString(2).replace(/0/g, '').length);
    });
  });

  it('given a tree persisted at any size as JSON, when resumed and appended to, then every later root is as if it had never stopped', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: leaves.length }), { minLength: 1, maxLength: 4 }), (stops) => {
        const straight = CompactRange.empty();
        let resumed = CompactRange.empty();
        const stopAt = new Set(stops);
        leaves.forEach((leaf, i) => {
          if (stopAt.has(i)) resumed = CompactRange.resume(JSON.parse(JSON.stringify(resumed.state())));
          straight.append(leaf);
          resumed.append(leaf);
          expect(hex(resumed.root())).toBe(hex(straight.root()));
        });
        expect(resumed.state()).toEqual(straight.state());
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('given stored nodes, when the range is rebuilt from the peaks of rootPlan(size), then it continues the same tree', () => {
    const store = new MemoryNodeStore();
    const tree = CompactRange.empty();
    for (const leaf of leaves.slice(0, 100)) store.put(tree.append(leaf));
    const size = 37;
    const rebuilt = CompactRange.fromPeaks(size, store.read(rootPlan(size)) as Buffer[]);
    for (const leaf of leaves.slice(size, 100)) rebuilt.append(leaf);
    expect(hex(rebuilt.root())).toBe(hex(tree.root()));
  });

  it('given a clone, when it is appended to (a transaction that then rolls back), then the original is unchanged', () => {
    const tree = CompactRange.empty();
    for (const leaf of leaves.slice(0, 5)) tree.append(leaf);
    const before = tree.state();
    const attempt = tree.clone();
    for (const leaf of leaves.slice(5, 9)) attempt.append(leaf);
    expect(tree.state()).toEqual(before);
    expect(attempt.size).toBe(9);
  });

  it("given a state that cannot be a tree's, when resumed, then it is refused", () => {
    const good = (() => {
      const t = CompactRange.empty();
      for (const l of leaves.slice(0, 5)) t.append(l);
      return t.state();
    })();
    expect(() => CompactRange.resume(good)).not.toThrow();
    expect(() => CompactRange.resume({ ...good, size: 7 })).toThrow(/3 peaks, not 2/);
    expect(() => CompactRange.resume({ ...good, size: -1 })).toThrow(/not a tree size/);
    expect(() => CompactRange.resume({ ...good, size: 5.5 })).toThrow(/not a tree size/);
    expect(() => CompactRange.resume({ ...good, peaks: [good.peaks[0], good.peaks[1].toUpperCase()] })).toThrow(
      /lowercase hex/,
    );
    expect(() => CompactRange.resume({ ...good, peaks: [good.peaks[0], good.peaks[1].slice(2)] })).toThrow(
      /lowercase hex/,
    );
    expect(() => CompactRange.resume(null as never)).toThrow(/not a compact range state/);
  });

  it('given something that is not a 32-byte hash, when appended, then it is refused and the tree is unchanged', () => {
    const tree = CompactRange.empty();
    expect(() => tree.append(Buffer.alloc(31))).toThrow(/32 bytes/);
    expect(tree.size).toBe(0);
  });
});
