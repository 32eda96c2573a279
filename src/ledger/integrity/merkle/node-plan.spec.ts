import fc from 'fast-check';
import { hashChildren, hashLeaf } from './hashing';
import {
  consistencyPlan,
  inclusionPlan,
  MissingNodeError,
  type NodeId,
  nodesToRead,
  rootPlan,
  tiling,
} from './node-plan';
import { proveConsistency, proveInclusion, rootAt } from './node-store';
import { verifyConsistency, verifyInclusion } from './verify';

const SEED = 912_162;
const log2ceil = (n: number): number => Math.ceil(Math.log2(n));

describe('node plans (which stored nodes a proof reads)', () => {
  it('given any tree size, when its root is planned, then the complete nodes tile [0, size) largest first', () => {
    expect(rootPlan(0)).toEqual([]);
    expect(rootPlan(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    // Past 2^32, where JS bitwise operators would truncate, and at 2^53 - 1, where Math.log2 rounds up.
    for (const size of [2 ** 32 + 5, 2 ** 50 - 1, 2 ** 53 - 1]) {
      const plan = rootPlan(size);
      expect(plan.reduce((n, { level }) => n + 2 ** level, 0)).toBe(size);
      let at = 0;
      for (const { level, index } of plan) {
        expect(index * 2 ** level).toBe(at);
        at += 2 ** level;
      }
    }
    expect(tiling(8, 3)).toEqual([
      { level: 1, index: 4 },
      { level: 0, index: 10 },
    ]);
  });

  it('given any (index, size) or (from, to) up to 2^53, when planned, then it reads at most 2 ceil(log2 size) nodes', () => {
    // The most reads any plan needs beyond the bound (expected <= 0), gathered first: one expect, not 90,000.
    const excess = (m: number, n: number): number =>
      Math.max(nodesToRead(inclusionPlan(m, n)).length, nodesToRead(consistencyPlan(m, n)).length) - 2 * log2ceil(n);
    let worst = -Infinity;
    for (let n = 2; n <= 200; n++) for (let m = 0; m < n; m++) worst = Math.max(worst, excess(m, n));
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          worst = Math.max(worst, excess(Math.min(n - 1, Math.floor(f * n)), n));
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
    expect(worst).toBeLessThanOrEqual(0);
    expect(nodesToRead(inclusionPlan(0, 2 ** 53 - 1)).length).toBe(104); // the worst case: 52 complete siblings + the 52 nodes tiling the right edge
  });

  it('given a tree far past 2^32 leaves, when proofs are served and verified, then the sizes are handled exactly', () => {
    // Leaves are A before leaf K and B from K on, so a node is all-A, all-B, or the one per level that
    // straddles K: any node of a 2^45-leaf tree is computed in O(level) without 2^45 appends, and left
    // and right still differ around K. The planner and the RFC verifier are independent code.
    const K = 2 ** 32 + 3;
    const uniformA = [hashLeaf(Buffer.from('A'))];
    const uniformB = [hashLeaf(Buffer.from('B'))];
    for (let h = 1; h <= 53; h++) {
      uniformA.push(hashChildren(uniformA[h - 1], uniformA[h - 1]));
      uniformB.push(hashChildren(uniformB[h - 1], uniformB[h - 1]));
    }
    const node = (level: number, index: number): Buffer => {
      const [start, end] = [index * 2 ** level, (index + 1) * 2 ** level];
      if (end <= K) return uniformA[level];
      if (start >= K) return uniformB[level];
      return hashChildren(node(level - 1, index * 2), node(level - 1, index * 2 + 1));
    };
    const read = (ids: readonly NodeId[]) => ids.map(({ level, index }) => node(level, index));
    const [from, to] = [2 ** 33 + 7, 2 ** 45 + 12_345];
    const root = rootAt(read, to);
    for (const [index, leaf] of [
      [0, uniformA[0]],
      [K - 1, uniformA[0]],
      [K, uniformB[0]],
      [to - 1, uniformB[0]],
    ] as const) {
      expect(verifyInclusion({ leafHash: leaf, index, size: to, proof: proveInclusion(read, index, to), root })).toBe(
        true,
      );
    }
    expect(
      verifyInclusion({ leafHash: uniformB[0], index: K - 1, size: to, proof: proveInclusion(read, K, to), root }),
    ).toBe(false);
    expect(
      verifyInclusion({ leafHash: uniformA[0], index: K, size: to, proof: proveInclusion(read, K - 1, to), root }),
    ).toBe(false);
    const proof = proveConsistency(read, from, to);
    expect(verifyConsistency({ fromSize: from, fromRoot: rootAt(read, from), toSize: to, toRoot: root, proof })).toBe(
      true,
    );
    expect(verifyConsistency({ fromSize: K - 1, fromRoot: rootAt(read, K - 1), toSize: to, toRoot: root, proof })).toBe(
      false,
    );
    expect(
      verifyConsistency({
        fromSize: K - 1,
        fromRoot: rootAt(read, K - 1),
        toSize: to,
        toRoot: root,
        proof: proveConsistency(read, K - 1, to),
      }),
    ).toBe(true);
  });

  it('given a store missing a node, when a proof needs it, then it names the node instead of producing a wrong proof', () => {
    const read = (ids: readonly NodeId[]) =>
      ids.map(({ level, index }) =>
        level === 0 && index === 2 ? undefined : hashLeaf(Buffer.from(`${level}/${index}`)),
      );
    expect(() => proveInclusion(read, 0, 3)).toThrow(MissingNodeError);
    expect(() => proveInclusion(read, 0, 3)).toThrow('Merkle node level 0 index 2 is not stored');
    expect(() => proveInclusion(read, 0, 2)).not.toThrow();
  });

  it('given sizes that cannot be proved, when planned, then it is refused', () => {
    expect(() => inclusionPlan(3, 3)).toThrow(RangeError);
    expect(() => inclusionPlan(-1, 3)).toThrow(RangeError);
    expect(() => inclusionPlan(0, 2 ** 53)).toThrow(RangeError);
    expect(() => consistencyPlan(4, 3)).toThrow(RangeError);
    expect(() => rootPlan(1.5)).toThrow(RangeError);
    expect(consistencyPlan(0, 5)).toEqual([]);
    expect(consistencyPlan(5, 5)).toEqual([]);
  });
});
