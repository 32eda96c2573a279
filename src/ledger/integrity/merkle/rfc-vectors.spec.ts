import { CompactRange } from './compact-range';
import { consistencyPath, inclusionPath, merkleTreeHash, rootOfLeafHashes } from './definition';
import { EMPTY_TREE_ROOT, hashChildren, hashLeaf } from './hashing';
import { MemoryNodeStore, proveConsistency, proveInclusion, rootAt } from './node-store';
import { verifyConsistency, verifyInclusion } from './verify';

/*
 * Published RFC 6962 / RFC 9162 test vectors (the hashing is the same in both RFCs), as kept by
 * transparency-dev/merkle (the Go library behind Trillian and Tessera; they descend from
 * google/certificate-transparency's merkle_tree_test.cc):
 *   - hashing:  rfc6962/rfc6962_test.go, commit 78493b07ef9b552e3379abf9e23d4da26fbe797c
 *   - 8 leaves, roots of sizes 1..8, inclusion and consistency proofs, and the corruptions tried
 *     on them: proof/verify_test.go, commit 02194e9afb6c1d95b5381350007963aa70fff472
 *     (its inclusion vectors number leaves from 1; here they are 0-based leaf indexes).
 */

const h = (hex: string): Buffer => Buffer.from(hex, 'hex');
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  h,
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
const root = (size: number): Buffer => ROOTS[size - 1];
const INCLUSION: { index: number; size: number; proof: Buffer[] }[] = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ].map(h),
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ].map(h),
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'].map(h) },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ].map(h),
  },
];
const CONSISTENCY: { from: number; to: number; proof: Buffer[] }[] = [
  { from: 1, to: 1, proof: [] },
  {
    from: 1,
    to: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ].map(h),
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ].map(h),
  },
  {
    from: 2,
    to: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ].map(h),
  },
  {
    from: 6,
    to: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ].map(h),
  },
];
const SOME_HASH = h('abacaba000000000000000000000000000000000000000000060061e00123456');
const leafHashes = LEAVES.map(hashLeaf);
const store = new MemoryNodeStore();
const range = CompactRange.empty();
for (const leaf of leafHashes) store.put(range.append(leaf));
const flip = (b: Buffer, bit: number): Buffer => {
  const c = Buffer.from(b);
  c[0] ^= bit;
  return c;
};

describe('RFC 6962 / 9162 hashing vectors (rfc6962_test.go)', () => {
  it('given no leaves, when the tree hash is taken, then it is SHA-256 of nothing', () => {
    expect(EMPTY_TREE_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleTreeHash([])).toEqual(EMPTY_TREE_ROOT);
    expect(CompactRange.empty().root()).toEqual(EMPTY_TREE_ROOT);
  });
  it('given leaf inputs, when hashed, then the 0x00 prefix gives the published hashes, distinct from the empty tree', () => {
    expect(hashLeaf(Buffer.alloc(0)).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(hashLeaf(Buffer.from('L123456')).toString('hex')).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    );
  });
  it('given two children, when hashed, then the 0x01 prefix gives the published node hash and order matters', () => {
    expect(hashChildren(Buffer.from('N123'), Buffer.from('N456')).toString('hex')).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
    const [a, b] = [hashLeaf(Buffer.from('Hello')), hashLeaf(Buffer.from('World'))];
    expect(hashChildren(a, b)).not.toEqual(hashChildren(b, a));
    expect(hashChildren(a, b)).not.toEqual(hashLeaf(Buffer.concat([a, b]))); // second preimage
  });
});

describe('RFC 6962 / 9162 tree vectors (proof/verify_test.go)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'given the first %i leaves, when the root is taken every way, then it is the published root',
    (size) => {
      expect(merkleTreeHash(LEAVES.slice(0, size))).toEqual(root(size));
      const grown = CompactRange.empty();
      for (const leaf of leafHashes.slice(0, size)) grown.append(leaf);
      expect(grown.root()).toEqual(root(size));
      expect(rootAt(store.read, size)).toEqual(root(size));
    },
  );

  it.each(INCLUSION)(
    'given leaf $index of $size, when its inclusion proof is built, then it is the published one and verifies',
    ({ index, size, proof }) => {
      expect(inclusionPath(index, leafHashes.slice(0, size))).toEqual(proof);
      expect(proveInclusion(store.read, index, size)).toEqual(proof);
      expect(verifyInclusion({ leafHash: leafHashes[index], index, size, proof, root: root(size) })).toBe(true);
    },
  );

  it.each(INCLUSION)(
    'given leaf $index of $size, when its proof is corrupted as verify_test.go does, then none verifies',
    ({ index, size, proof }) => {
      const leafHash = leafHashes[index];
      const good = { leafHash, index, size, proof, root: root(size) };
      const probes = [
        { ...good, index: index - 1 },
        { ...good, index: index + 1 },
        { ...good, index: index ^ 2 },
        { ...good, size: size * 2 },
        { ...good, size: Math.floor(size / 2) },
        { ...good, leafHash: Buffer.from('WrongLeaf') },
        { ...good, root: EMPTY_TREE_ROOT },
        { ...good, root: SOME_HASH },
        { ...good, proof: [...proof, Buffer.alloc(0)] },
        { ...good, proof: [...proof, root(size)] },
        { ...good, proof: [Buffer.alloc(0), ...proof] },
        { ...good, proof: [root(size), ...proof] },
        ...proof.map((_, i) => ({ ...good, proof: proof.map((p, j) => (j === i ? flip(p, 8) : p)) })),
        ...(proof.length > 0 ? [{ ...good, proof: proof.slice(0, -1) }] : []),
        ...(proof.length > 1 ? [{ ...good, proof: [proof[0], SOME_HASH, ...proof.slice(1)] }] : []),
      ];
      for (const probe of probes) expect(verifyInclusion(probe)).toBe(false);
    },
  );

  it.each(CONSISTENCY)(
    'given sizes $from and $to, when the consistency proof is built, then it is the published one and verifies',
    ({ from, to, proof }) => {
      expect(consistencyPath(from, leafHashes.slice(0, to))).toEqual(proof);
      expect(proveConsistency(store.read, from, to)).toEqual(proof);
      expect(verifyConsistency({ fromSize: from, fromRoot: root(from), toSize: to, toRoot: root(to), proof })).toBe(
        true,
      );
    },
  );

  it.each(CONSISTENCY.filter((c) => c.proof.length > 0))(
    'given sizes $from and $to, when the proof is corrupted as verify_test.go does, then none verifies',
    ({ from, to, proof }) => {
      const good = { fromSize: from, fromRoot: root(from), toSize: to, toRoot: root(to), proof };
      const probes = [
        { ...good, fromSize: from - 1 },
        { ...good, fromSize: from + 1 },
        { ...good, fromSize: from ^ 2 },
        { ...good, toSize: to * 2 },
        { ...good, toSize: Math.floor(to / 2) },
        { ...good, fromRoot: Buffer.from('WrongRoot') },
        { ...good, toRoot: Buffer.from('WrongRoot') },
        { ...good, fromRoot: root(to), toRoot: root(from) },
        { ...good, proof: [] },
        { ...good, proof: [...proof, Buffer.alloc(0)] },
        { ...good, proof: [...proof, root(from)] },
        { ...good, proof: [...proof, root(to)] },
        { ...good, proof: [Buffer.alloc(0), ...proof] },
        { ...good, proof: [root(from), ...proof] },
        { ...good, proof: [root(to), ...proof] },
        { ...good, proof: [proof[0], ...proof] },
        { ...good, proof: proof.slice(0, -1) },
        ...proof.map((_, i) => ({ ...good, proof: proof.map((p, j) => (j === i ? flip(p, 16) : p)) })),
      ];
      for (const probe of probes) expect(verifyConsistency(probe)).toBe(false);
    },
  );

  it('given the edge cases of verify_test.go, when checked, then only equal trees and the empty prefix are consistent without a proof', () => {
    const [r1, r2] = [SOME_HASH, root(3)];
    expect(verifyConsistency({ fromSize: 1, fromRoot: r1, toSize: 1, toRoot: r2, proof: [] })).toBe(false);
    expect(verifyConsistency({ fromSize: 1, fromRoot: r2, toSize: 1, toRoot: r2, proof: [] })).toBe(true);
    expect(
      verifyConsistency({ fromSize: 0, fromRoot: EMPTY_TREE_ROOT, toSize: 0, toRoot: EMPTY_TREE_ROOT, proof: [] }),
    ).toBe(true);
    expect(verifyConsistency({ fromSize: 0, fromRoot: EMPTY_TREE_ROOT, toSize: 5, toRoot: root(5), proof: [] })).toBe(
      true,
    );
    // Stricter than verify_test.go, which lets size 0 carry any root: here it must be MTH({}).
    expect(verifyConsistency({ fromSize: 0, fromRoot: r1, toSize: 5, toRoot: root(5), proof: [] })).toBe(false);
    expect(verifyConsistency({ fromSize: 1, fromRoot: r1, toSize: 0, toRoot: r2, proof: [] })).toBe(false); // time travel
    expect(verifyConsistency({ fromSize: 2, fromRoot: root(2), toSize: 1, toRoot: root(1), proof: [] })).toBe(false);
    expect(verifyConsistency({ fromSize: 1, fromRoot: root(1), toSize: 2, toRoot: root(2), proof: [] })).toBe(false); // empty proof
    expect(
      verifyConsistency({
        fromSize: 1,
        fromRoot: EMPTY_TREE_ROOT,
        toSize: 1,
        toRoot: EMPTY_TREE_ROOT,
        proof: [EMPTY_TREE_ROOT],
      }),
    ).toBe(false);
    expect(
      verifyConsistency({
        fromSize: 0,
        fromRoot: EMPTY_TREE_ROOT,
        toSize: 1,
        toRoot: root(1),
        proof: [EMPTY_TREE_ROOT],
      }),
    ).toBe(false);
  });

  it('given out-of-range leaves, when an inclusion is checked, then it never verifies', () => {
    for (const [index, size] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [1, 1],
    ]) {
      expect(verifyInclusion({ leafHash: SOME_HASH, index, size, proof: [], root: EMPTY_TREE_ROOT })).toBe(false);
      expect(verifyInclusion({ leafHash: SOME_HASH, index, size, proof: [], root: SOME_HASH })).toBe(false);
    }
    const single = hashLeaf(Buffer.from('data'));
    expect(verifyInclusion({ leafHash: single, index: 0, size: 1, proof: [], root: single })).toBe(true);
    expect(verifyInclusion({ leafHash: Buffer.alloc(0), index: 0, size: 1, proof: [], root: Buffer.alloc(0) })).toBe(
      false,
    );
  });

  it('given the recursive definition, when the roots of the vectors are folded by hand, then it splits at the largest power of two', () => {
    expect(rootOfLeafHashes(leafHashes.slice(0, 3))).toEqual(
      hashChildren(hashChildren(leafHashes[0], leafHashes[1]), leafHashes[2]),
    );
  });
});
