import fc from 'fast-check';
import { CompactRange } from './compact-range';
import { consistencyPath, inclusionPath, rootOfLeafHashes } from './definition';
import { hashLeaf } from './hashing';
import { MemoryNodeStore, proveConsistency, proveInclusion, rootAt } from './node-store';
import { verifyConsistency, verifyInclusion } from './verify';

/*
 * Exhaustive up to MAX leaves, where every shape of the left-balanced tree shows up (perfect,
 * one short, odd edges several levels deep), and random tampering with a fixed seed (fast-check):
 * proofs served from stored nodes equal the RFC's recursive definitions, all verify, and any change
 * to what a verifier is handed makes them fail.
 */
const MAX = 70;
const SEED = 912_162;
const leaves = Array.from({ length: MAX }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
const store = new MemoryNodeStore();
const tree = CompactRange.empty();
const roots = [tree.root()];
for (const leaf of leaves) {
  store.put(tree.append(leaf));
  roots.push(tree.root());
}
// Compared as hex text: toEqual walks a Buffer byte by byte as an object, 100x slower over thousands of proofs.
const hex = (hs: readonly Buffer[]): string => hs.map((x) => x.toString('hex')).join(',');
const flipBit = (b: Uint8Array, byte: number, bit: number): Buffer => {
  const c = Buffer.from(b);
  c[byte % c.length] ^= 1 << bit;
  return c;
};

describe('inclusion proofs for every leaf of every tree up to 70 leaves', () => {
  it('given each (index, size), when proved from stored nodes, then the proof is PATH of RFC 9162 2.1.3.1 and verifies', () => {
    let checked = 0;
    for (let size = 1; size <= MAX; size++) {
      for (let index = 0; index < size; index++) {
        const proof = proveInclusion(store.read, index, size);
        expect(hex(proof)).toBe(hex(inclusionPath(index, leaves.slice(0, size))));
        expect(verifyInclusion({ leafHash: leaves[index], index, size, proof, root: roots[size] })).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  const claim = fc
    .integer({ min: 1, max: MAX })
    .chain((size) => fc.record({ size: fc.constant(size), index: fc.integer({ min: 0, max: size - 1 }) }));
  const good = ({ index, size }: { index: number; size: number }) => ({
    leafHash: leaves[index],
    index,
    size,
    proof: proveInclusion(store.read, index, size),
    root: roots[size],
  });

  it('given a valid proof, when one bit of the leaf, a proof element or the root is flipped, then it fails', () => {
    fc.assert(
      fc.property(
        claim,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('leaf', 'proof', 'root'),
        (c, which, byte, bit, part) => {
          const g = good(c);
          fc.pre(part !== 'proof' || g.proof.length > 0);
          const tampered =
            part === 'leaf'
              ? { ...g, leafHash: flipBit(g.leafHash, byte, bit) }
              : part === 'root'
                ? { ...g, root: flipBit(g.root, byte, bit) }
                : { ...g, proof: g.proof.map((p, i) => (i === which % g.proof.length ? flipBit(p, byte, bit) : p)) };
          expect(verifyInclusion(tampered)).toBe(false);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('given a valid proof, when the index is changed, or an element added, dropped or swapped, then it fails', () => {
    fc.assert(
      fc.property(claim, fc.integer({ min: -3, max: MAX + 3 }), fc.nat(), (c, otherIndex, at) => {
        const g = good(c);
        fc.pre(otherIndex !== c.index);
        expect(verifyInclusion({ ...g, index: otherIndex })).toBe(false);
        const i = at % (g.proof.length + 1);
        expect(verifyInclusion({ ...g, proof: [...g.proof.slice(0, i), leaves[at % MAX], ...g.proof.slice(i)] })).toBe(
          false,
        );
        if (g.proof.length > 0)
          expect(verifyInclusion({ ...g, proof: g.proof.filter((_, j) => j !== i % g.proof.length) })).toBe(false);
        if (g.proof.length > 1 && !g.proof[0].equals(g.proof[1]))
          expect(verifyInclusion({ ...g, proof: [g.proof[1], g.proof[0], ...g.proof.slice(2)] })).toBe(false);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("given a valid proof, when it is presented for another tree size (with that size's root, as a digest signs them together), then it fails", () => {
    fc.assert(
      fc.property(claim, fc.integer({ min: 1, max: MAX }), (c, otherSize) => {
        fc.pre(otherSize !== c.size);
        expect(verifyInclusion({ ...good(c), size: otherSize, root: roots[otherSize] })).toBe(false);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('given the RFC algorithm, when only the size is changed and the root kept, then it may still verify: size and root must come from one signed digest', () => {
    // Leaf 0 of 3 and leaf 0 of 4 fold the same way (left, left): the proof of one checks against
    // the other's size. Harmless when (size, root) are taken together from a signature; documented here.
    const g = good({ index: 0, size: 3 });
    expect(verifyInclusion({ ...g, size: 4 })).toBe(true);
    expect(verifyInclusion({ ...g, size: 4, root: roots[4] })).toBe(false);
  });
});

describe('consistency proofs between every pair of tree sizes up to 70', () => {
  it('given each (from, to), when proved from stored nodes, then the proof is PROOF of RFC 9162 2.1.4.1 and verifies', () => {
    let checked = 0;
    for (let to = 0; to <= MAX; to++) {
      for (let from = 0; from <= to; from++) {
        const proof = proveConsistency(store.read, from, to);
        expect(hex(proof)).toBe(hex(consistencyPath(from, leaves.slice(0, to))));
        expect(verifyConsistency({ fromSize: from, fromRoot: roots[from], toSize: to, toRoot: roots[to], proof })).toBe(
          true,
        );
        checked++;
      }
    }
    expect(checked).toBe(((MAX + 1) * (MAX + 2)) / 2);
  });

  const pair = fc
    .integer({ min: 2, max: MAX })
    .chain((to) => fc.record({ to: fc.constant(to), from: fc.integer({ min: 1, max: to - 1 }) }));
  const good = ({ from, to }: { from: number; to: number }) => ({
    fromSize: from,
    fromRoot: roots[from],
    toSize: to,
    toRoot: roots[to],
    proof: proveConsistency(store.read, from, to),
  });

  it('given a valid proof, when one bit of either root or a proof element is flipped, then it fails', () => {
    fc.assert(
      fc.property(
        pair,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('from', 'to', 'proof'),
        (p, which, byte, bit, part) => {
          const g = good(p);
          const tampered =
            part === 'from'
              ? { ...g, fromRoot: flipBit(g.fromRoot, byte, bit) }
              : part === 'to'
                ? { ...g, toRoot: flipBit(g.toRoot, byte, bit) }
                : { ...g, proof: g.proof.map((e, i) => (i === which % g.proof.length ? flipBit(e, byte, bit) : e)) };
          expect(verifyConsistency(tampered)).toBe(false);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('given a valid proof, when either size is changed (with its own root), or an element added or dropped, then it fails', () => {
    fc.assert(
      fc.property(
        pair,
        fc.integer({ min: 0, max: MAX }),
        fc.integer({ min: 0, max: MAX }),
        fc.nat(),
        (p, from2, to2, at) => {
          const g = good(p);
          if (from2 !== p.from)
            expect(verifyConsistency({ ...g, fromSize: from2, fromRoot: roots[from2] })).toBe(false);
          if (to2 !== p.to) expect(verifyConsistency({ ...g, toSize: to2, toRoot: roots[to2] })).toBe(false);
          const i = at % (g.proof.length + 1);
          expect(
            verifyConsistency({ ...g, proof: [...g.proof.slice(0, i), leaves[at % MAX], ...g.proof.slice(i)] }),
          ).toBe(false);
          expect(verifyConsistency({ ...g, proof: g.proof.filter((_, j) => j !== i % g.proof.length) })).toBe(false);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('given a log rewritten after the older size, when proved, then it is consistent; rewritten before it, then it is not', () => {
    fc.assert(
      fc.property(pair, fc.nat(), (p, at) => {
        const rewrite = (i: number) => {
          const l = [...leaves.slice(0, p.to)];
          l[i] = hashLeaf(Buffer.from(`forged ${i}`));
          return l;
        };
        const after = rewrite(p.from + (at % (p.to - p.from)));
        expect(
          verifyConsistency({ ...good(p), toRoot: rootOfLeafHashes(after), proof: consistencyPath(p.from, after) }),
        ).toBe(true);
        const before = rewrite(at % p.from);
        expect(
          verifyConsistency({ ...good(p), toRoot: rootOfLeafHashes(before), proof: consistencyPath(p.from, before) }),
        ).toBe(false);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('roots from stored nodes', () => {
  it('given every size up to 70, when the root is read from stored nodes, then it is the incremental and the recursive root', () => {
    for (let size = 0; size <= MAX; size++) {
      expect(rootAt(store.read, size)).toEqual(rootOfLeafHashes(leaves.slice(0, size)));
      expect(rootAt(store.read, size)).toEqual(roots[size]);
    }
  });
});
