import { MemoryEventStore } from '../memory/memory-event-store';
import { ManualClock } from '../../shared/clock';
import { Retrier, RetryPolicy } from '../../shared/retry-policy';
import {
  consistencyPath,
  eventLeafHash,
  inclusionPath,
  rootOfLeafHashes,
  toHex,
  verifyConsistency,
  verifyInclusion,
  fromHex,
} from '../integrity/merkle';
import { newEvents } from '../../../test/support/events';
import { LogTreeFollower } from './log-tree-follower';
import { LogTreeStore } from './log-tree-store';
import { LogPositionNotFound, LogTreeBehindError, LogTreeMismatchError } from './log-tree-errors';

// waitMs bounds head()'s wait for the tree to catch up: a hang guard here (a busy machine is only slower).
const fast = { batchSize: 3, batchMs: 5, waitMs: 60_000 };
const quickRetries = () => new Retrier(new RetryPolicy({ initialMs: 1, maxMs: 5 }));

describe('LogTreeFollower (memory engine, in-memory tree)', () => {
  let events: MemoryEventStore;
  let store: LogTreeStore;
  let follower: LogTreeFollower;
  beforeEach(() => {
    events = new MemoryEventStore(new ManualClock());
    store = new LogTreeStore(':memory:');
    follower = new LogTreeFollower(events, store, fast, quickRetries());
  });
  afterEach(async () => {
    await follower.stop();
    store.close();
  });

  it('given an empty log, when asked for its head, then it is the empty tree', async () => {
    follower.start();
    expect(await follower.head()).toEqual({ size: 0, rootHash: toHex(rootOfLeafHashes([])), lastPosition: null });
  });

  it('given events appended before and after start, when asked for the head, then it equals the RFC definition over the log read back, and every proof does too', async () => {
    await events.append('case-1', newEvents(4), 'no_stream');
    follower.start();
    await events.append('case-2', newEvents(5), 'no_stream');
    await events.append('case-1', newEvents(2), 3);
    const head = await follower.head();
    const log = await events.readAll();
    const leaves = log.map(eventLeafHash);
    expect(head).toEqual({ size: 11, rootHash: toHex(rootOfLeafHashes(leaves)), lastPosition: log.at(-1)!.position });
    for (let i = 0; i < log.length; i++) {
      expect(await follower.leafIndexOf(log[i].position)).toBe(i);
      expect(await follower.inclusionProof(i, 11)).toEqual(inclusionPath(i, leaves).map(toHex));
    }
    for (let m = 0; m <= 11; m++) {
      expect(await follower.rootAt(m)).toBe(toHex(rootOfLeafHashes(leaves.slice(0, m))));
      const proof = await follower.consistencyProof(m, 11);
      expect(proof).toEqual(consistencyPath(m, leaves).map(toHex));
      expect(
        verifyConsistency({
          fromSize: m,
          fromRoot: fromHex(await follower.rootAt(m)),
          toSize: 11,
          toRoot: fromHex(head.rootHash),
          proof: proof.map(fromHex),
        }),
      ).toBe(true);
    }
    expect(
      verifyInclusion({
        leafHash: leaves[6],
        index: 6,
        size: 11,
        root: fromHex(head.rootHash),
        proof: (await follower.inclusionProof(6, 11)).map(fromHex),
      }),
    ).toBe(true);
  });

  it('given head(upTo) for a position not yet appended, when it is appended, then head resolves covering it', async () => {
    follower.start();
    const first = await events.append('case-1', newEvents(1), 'no_stream');
    const waiting = follower.head(first.position + 0.5); // not a position arithmetic: any number above the first
    const second = await events.append('case-1', newEvents(1), 0);
    expect(second.position).toBeGreaterThan(first.position + 0.5);
    await expect(waiting).resolves.toMatchObject({ size: 2, lastPosition: second.position });
  });

  it('given a position that names no event, then leafIndexOf throws a typed not-found', async () => {
    await events.append('case-1', newEvents(2), 'no_stream');
    follower.start();
    await follower.head();
    await expect(follower.leafIndexOf(999)).rejects.toBeInstanceOf(LogPositionNotFound);
  });

  it('given a position the log never reaches, when head(upTo) waits longer than waitMs, then it throws LogTreeBehindError', async () => {
    const impatient = new LogTreeFollower(events, store, { ...fast, waitMs: 20 }, quickRetries());
    impatient.start();
    await expect(impatient.head(1000)).rejects.toBeInstanceOf(LogTreeBehindError);
    await impatient.stop();
  });

  it('given a size beyond the tree, then proofs and roots refuse it (RangeError), never invent nodes', async () => {
    await events.append('case-1', newEvents(2), 'no_stream');
    follower.start();
    await follower.head();
    await expect(follower.rootAt(3)).rejects.toThrow(RangeError);
    await expect(follower.consistencyProof(1, 3)).rejects.toThrow(RangeError);
    await expect(follower.inclusionProof(0, 3)).rejects.toThrow(RangeError);
  });

  it('given a store that fails reads for a while, then the follower retries (degraded on health) and catches up without a restart', async () => {
    await events.append('case-1', newEvents(3), 'no_stream');
    const subscribe = events.subscribe.bind(events);
    let failures = 3;
    events.subscribe = (o) => {
      if (failures-- > 0) throw new Error('store unavailable');
      return subscribe(o);
    };
    const seen: string[] = [];
    follower.start();
    while (failures > 0) {
      seen.push(follower.health().status);
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(seen).toContain('degraded');
    expect(await follower.head()).toMatchObject({ size: 3 });
    expect(follower.health()).toMatchObject({ status: 'up', treeSize: 3 });
  });

  it('given a restart over the same tree file, then it resumes from its checkpoint and stays equal to the definition', async () => {
    await events.append('case-1', newEvents(5), 'no_stream');
    follower.start();
    await follower.head();
    await follower.stop();
    await events.append('case-2', newEvents(4), 'no_stream');
    follower = new LogTreeFollower(events, store, fast, quickRetries());
    follower.start();
    const head = await follower.head();
    expect(head.rootHash).toBe(toHex(rootOfLeafHashes((await events.readAll()).map(eventLeafHash))));
  });

  it('given a tree whose last leaf no longer matches the log (another log under the same tree file), then the follower stops, health is down and reads throw LogTreeMismatchError', async () => {
    await events.append('case-1', newEvents(3), 'no_stream');
    follower.start();
    await follower.head();
    await follower.stop();
    // The same positions, other events: what a rewritten or restored ledger looks like to the tree.
    const other = new MemoryEventStore(new ManualClock());
    await other.append('case-1', newEvents(3), 'no_stream');
    follower = new LogTreeFollower(other, store, fast, quickRetries());
    follower.start();
    await expect(follower.head()).rejects.toBeInstanceOf(LogTreeMismatchError);
    expect(follower.health()).toMatchObject({ status: 'down', state: 'mismatch', mismatch: { leafIndex: 2 } });
    await expect(follower.rootAt(1)).rejects.toBeInstanceOf(LogTreeMismatchError);
    expect(store.checkpoint().range.size).toBe(3); // never extended
  });

  it('given a log cut short behind the tree (its last event gone), then it is a mismatch, not a silent catch-up', async () => {
    await events.append('case-1', newEvents(3), 'no_stream');
    follower.start();
    await follower.head();
    await follower.stop();
    const shorter = new MemoryEventStore(new ManualClock());
    await shorter.append('case-1', newEvents(2), 'no_stream');
    follower = new LogTreeFollower(shorter, store, fast, quickRetries());
    follower.start();
    await expect(follower.head()).rejects.toThrow(/position \d+ \(leaf 2\) is gone/);
    expect(follower.health().status).toBe('down');
  });
});
