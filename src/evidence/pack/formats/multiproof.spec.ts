import { hashLeaf, inclusionPath, rootOfLeafHashes, StreamHeadsTree, toHex } from '../../../ledger/integrity/merkle';
import { gapsOf, pathRanges, rangeKey, rootFrom } from './multiproof';

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));

/** Gap hashes as the builder gets them: from the inclusion proof of each gap's witness leaf. */
function gapHashes(all: Buffer[], held: number[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const g of gapsOf(all.length, held)) {
    const ranges = pathRanges(g.witness, all.length);
    const proof = inclusionPath(g.witness, all);
    const i = ranges.findIndex((r) => r.start === g.start && r.end === g.end);
    expect(i).toBeGreaterThanOrEqual(0);
    out.set(rangeKey(g.start, g.end), proof[i]);
  }
  return out;
}

const hashOf = (n: number) => n.toString(16).padStart(64, '0');
const headsOf = (n: number): [string, { revision: number; hash: string }][] =>
  Array.from({ length: n }, (_, i) => [
    `stream-${((n - i) * 7919) % 1000}-${i}`,
    { revision: i % 5, hash: hashOf(i + 1) },
  ]);

describe('multiproof', () => {
  // The ledger's stream-heads tree signs the nodes a pack's log-proofs carry: its ranges must be these.
  it.each([1, 2, 7, 13, 64, 100])(
    "given %i streams, then pathNodes is the union of the chosen leaves' paths, each node once with its range",
    (n) => {
      const tree = StreamHeadsTree.of(headsOf(n));
      for (const chosen of [[0], [n - 1], [...Array(n).keys()].filter((i) => i % 3 === 1), [...Array(n).keys()]]) {
        const expected = new Map<string, string>();
        for (const i of chosen)
          pathRanges(i, n).forEach((r, k) => expected.set(`${r.start}-${r.end}`, toHex(tree.proof(i)[k])));
        const nodes = tree.pathNodes(chosen);
        expect(new Map(nodes.map((x) => [`${x.start}-${x.end}`, toHex(x.hash)]))).toEqual(expected);
        expect(nodes).toHaveLength(expected.size);
      }
    },
  );
  it('given every size up to 40 and subsets of held leaves, then the root from held leaves and gaps is the RFC root', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 1; n <= 40; n++) {
      const all = leavesOf(n);
      for (const density of [0.05, 0.3, 0.9, 1]) {
        const held = all.map((_h, i) => i).filter(() => random() < density);
        if (held.length === 0) held.push(Math.floor(random() * n));
        const gaps = gapHashes(all, held);
        const result = rootFrom(
          n,
          held,
          (i) => all[held[i]],
          (a, b) => gaps.get(rangeKey(a, b)),
        );
        expect(result).toEqual({ root: rootOfLeafHashes(all) });
      }
    }
  });

  it('given the path ranges of a leaf, then they are the ranges whose roots make up its RFC inclusion path', () => {
    const all = leavesOf(13);
    for (let m = 0; m < 13; m++) {
      expect(pathRanges(m, 13).map((r) => rootOfLeafHashes(all.slice(r.start, r.end)))).toEqual(inclusionPath(m, all));
    }
  });

  it('given a changed leaf hash or a missing gap, then the root differs or the gap is named', () => {
    const all = leavesOf(21);
    const held = [2, 3, 9, 20];
    const gaps = gapHashes(all, held);
    const changed = (i: number) => (i === 1 ? all[4] : all[held[i]]);
    expect(rootFrom(21, held, changed, (a, b) => gaps.get(rangeKey(a, b)))).not.toEqual({
      root: rootOfLeafHashes(all),
    });
    expect(
      rootFrom(
        21,
        held,
        (i) => all[held[i]],
        (a, b) => (a === 0 ? undefined : gaps.get(rangeKey(a, b))),
      ),
    ).toEqual({ missing: { start: 0, end: 2 } });
  });

  it('given a full pack, then it needs no gap at all', () => {
    expect(
      gapsOf(
        100,
        Array.from({ length: 100 }, (_v, i) => i),
      ),
    ).toEqual([]);
  });
});
