import { hashLeaf, inclusionPath, rootOfLeafHashes } from '../../ledger/integrity/merkle';
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

describe('multiproof', () => {
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
