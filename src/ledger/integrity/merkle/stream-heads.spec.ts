import { inclusionPath, rootOfLeafHashes } from './definition';
import { EMPTY_TREE_ROOT, toHex } from './hashing';
import { eventLeafHash } from './event-leaf';
import { compareStreamIds, StreamHeadsTree } from './stream-heads';
import { verifyInclusion } from './verify';

const hashOf = (n: number) => n.toString(16).padStart(64, '0');
const headsOf = (n: number): [string, { revision: number; hash: string }][] =>
  Array.from({ length: n }, (_, i) => [
    `stream-${((n - i) * 7919) % 1000}-${i}`,
    { revision: i % 5, hash: hashOf(i + 1) },
  ]);

describe('StreamHeadsTree', () => {
  it.each([0, 1, 2, 3, 5, 8, 13, 31, 64, 100])(
    'given %i streams in any order, then its root and every proof are RFC 9162 MTH and PATH over the leaves in ascending streamId order',
    (n) => {
      const heads = headsOf(n);
      const tree = StreamHeadsTree.of(heads);
      const sorted = [...heads].sort(([a], [b]) => (a < b ? -1 : 1));
      const leaves = sorted.map(([streamId, h]) =>
        eventLeafHash({ streamId, revision: h.revision, integrity: { hash: h.hash } }),
      );
      expect(tree.size).toBe(n);
      expect(toHex(tree.root())).toBe(toHex(n === 0 ? EMPTY_TREE_ROOT : rootOfLeafHashes(leaves)));
      sorted.forEach(([streamId], i) => {
        expect(tree.indexOf(streamId)).toBe(i);
        expect(tree.proof(i).map(toHex)).toEqual(inclusionPath(i, leaves).map(toHex));
        expect(
          verifyInclusion({ leafHash: leaves[i], index: i, size: n, proof: tree.proof(i), root: tree.root() }),
        ).toBe(true);
      });
    },
  );

  it('given another head for one stream, then the root changes and the old head no longer proves', () => {
    const heads = headsOf(9);
    const tree = StreamHeadsTree.of(heads);
    const [streamId, head] = heads[4];
    const moved = StreamHeadsTree.of(
      heads.map(([id, h]): [string, typeof h] =>
        id === streamId ? [id, { revision: h.revision + 1, hash: hashOf(999) }] : [id, h],
      ),
    );
    expect(toHex(moved.root())).not.toBe(toHex(tree.root()));
    const i = tree.indexOf(streamId)!;
    expect(
      verifyInclusion({
        leafHash: eventLeafHash({ streamId, revision: head.revision, integrity: { hash: head.hash } }),
        index: i,
        size: 9,
        proof: moved.proof(i),
        root: moved.root(),
      }),
    ).toBe(false);
  });

  it('orders stream ids by UTF-16 code units, not by locale or code point (uppercase before lowercase, astral surrogates before U+FFFD)', () => {
    expect(['b', 'a', 'B', '\u{1F600}', '\uFFFD', 'a-1'].sort(compareStreamIds)).toEqual([
      'B',
      'a',
      'a-1',
      'b',
      '\u{1F600}',
      '\uFFFD',
    ]);
    expect(
      StreamHeadsTree.of([
        ['b', { revision: 0, hash: hashOf(1) }],
        ['B', { revision: 0, hash: hashOf(2) }],
      ]).streamIds,
    ).toEqual(['B', 'b']);
  });

  it('refuses a proof for an index outside the tree', () => {
    expect(() => StreamHeadsTree.of(headsOf(3)).proof(3)).toThrow(RangeError);
  });
});
