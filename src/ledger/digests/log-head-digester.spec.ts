import { generateKeyPairSync } from 'node:crypto';
import { ManualClock } from '../../shared/clock';
import { CommandRunner } from '../command-runner';
import type { NewEvent } from '../event-envelope';
import { MemoryEventStore } from '../memory/memory-event-store';
import { verifyDigestSignature } from './digest-signature';
import { LedgerDigest } from './ledger-digest';
import { LogHeadDigester } from './log-head-digester';
import { computeLogHash } from './log-hash';
import { eventLeafHash, rootOfLeafHashes, toHex } from '../integrity/merkle';
import { LogTreeFollower } from '../log-tree/log-tree-follower';
import { LogTreeStore } from '../log-tree/log-tree-store';
import type { LogTree } from '../log-tree/log-tree.port';

const actor = { userId: 'sam-admin', role: 'admin', agency: 'warwickshire-safeguarding' };
const ctx = { actor, correlationId: 'c-1' };
const key = generateKeyPairSync('ed25519').privateKey;

const followers: LogTreeFollower[] = [];
afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.stop()));
});

function setup(tree?: (follower: LogTreeFollower) => LogTree) {
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  const store = new MemoryEventStore(clock);
  const follower = new LogTreeFollower(store, new LogTreeStore(':memory:'), {
    batchSize: 100,
    batchMs: 5,
    waitMs: 60_000, // a hang guard for head()'s wait, not a speed bound
  });
  follower.start();
  followers.push(follower);
  const digester = new LogHeadDigester(
    store,
    clock,
    { privateKey: key, publicKeyPem: '' },
    tree ? tree(follower) : follower,
  );
  const runner = new CommandRunner(store, clock);
  let n = 0;
  const write = async (count: number) => {
    for (let i = 0; i < count; i++, n++) {
      const e: NewEvent = {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        type: 'partner-registered',
        schemaVersion: 1,
        data: { partnerId: `p-${n}` },
        metadata: { actor, correlationId: 'c', causationId: 'c', occurredAt: '2022-05-10T09:30:00Z' },
      };
      await store.append(`partner-p-${n}`, [e], 'no_stream');
    }
  };
  const record = async () => {
    const d = await digester.sign();
    return runner.run(LedgerDigest, d.digestId, { type: 'record-ledger-digest', data: d }, ctx);
  };
  const fromScratch = async () => computeLogHash((await store.readAll()).map((e) => e.integrity.hash));
  return { store, digester, write, record, fromScratch };
}

describe('LogHeadDigester', () => {
  it('given the log grows between digests (more than a page at a time), then each head hash equals the from-scratch hash', async () => {
    const s = setup();
    for (const batch of [3, 1200, 1]) {
      await s.write(batch);
      const head = await s.digester.head();
      expect(head.logHash).toBe(await s.fromScratch());
      expect(head.eventCount).toBe((await s.store.readAll()).length);
      expect(head.position).toBe((await s.store.readAll()).at(-1)!.position);
    }
  });

  it('signs the head now, with an id naming its position, and the signature verifies', async () => {
    const s = setup();
    await s.write(2);
    const d = await s.digester.sign();
    expect(d).toMatchObject({
      digestId: 'head-1',
      position: 1,
      eventCount: 2,
      logHash: await s.fromScratch(),
      recordedAt: '2022-11-21T12:00:00.000Z',
    });
    expect(verifyDigestSignature(d)).toBe(true);
  });

  it('concurrent callers share one catch-up and agree', async () => {
    const s = setup();
    await s.write(5);
    const [a, b] = await Promise.all([s.digester.head(), s.digester.head()]);
    expect(a).toEqual(b);
  });

  it('given only digests were written since the last digest, then the head has not changed since; any other event changes it', async () => {
    const s = setup();
    expect((await s.digester.head()).changedSinceLastDigest).toBe(false);
    await s.write(1);
    expect((await s.digester.head()).changedSinceLastDigest).toBe(true);
    await s.record();
    expect((await s.digester.head()).changedSinceLastDigest).toBe(false);
    await s.write(1);
    expect((await s.digester.head()).changedSinceLastDigest).toBe(true);
  });

  it('latestCovering: the latest recorded digest whose position covers the one asked for, or none', async () => {
    const s = setup();
    await s.write(3);
    await s.record(); // covers 0..2, sits at 3
    await s.write(2);
    await s.record(); // covers 0..5, sits at 6
    expect((await s.digester.latestCovering(1))?.position).toBe(5);
    expect((await s.digester.latestCovering(5))?.position).toBe(5);
    expect(await s.digester.latestCovering(6)).toBeUndefined();
  });

  it('lists recorded digests in log order with who recorded them, paged', async () => {
    const s = setup();
    await s.write(1);
    await s.record();
    await s.write(1);
    await s.record();
    const first = await s.digester.list(undefined, 1);
    expect(first.digests.map((d) => d.digest.digestId)).toEqual(['head-0']);
    expect(first.digests[0].recordedBy).toEqual(actor);
    const second = await s.digester.list(first.next, 1);
    expect(second.digests.map((d) => d.digest.digestId)).toEqual(['head-2']);
    expect((await s.digester.list(second.next, 1)).digests).toEqual([]);
  });

  it('given a log, when a digest is signed, then it commits to the log tree over exactly its events (treeSize = eventCount, the RFC root) and still carries the log hash', async () => {
    const s = setup();
    await s.write(3);
    await s.record();
    await s.write(4);
    const d = await s.digester.sign();
    const log = await s.store.readAll();
    expect(d).toMatchObject({
      eventCount: 8,
      treeSize: 8,
      treeRoot: toHex(rootOfLeafHashes(log.map(eventLeafHash))),
      logHash: await s.fromScratch(),
    });
    expect(verifyDigestSignature(d)).toBe(true);
  });

  it("given streams with several events and a recorded digest, when a digest is signed, then it commits to every stream's last event in streamId order (RFC 9162 root), signed", async () => {
    const s = setup();
    await s.write(3);
    await s.record();
    for (const note of ['a', 'b']) {
      await s.store.append(
        'partner-p-1',
        [
          {
            id: `00000000-0000-4000-9000-00000000000${note === 'a' ? 1 : 2}`,
            type: 'partner-renamed',
            schemaVersion: 1,
            data: { note },
            metadata: { actor, correlationId: 'c', causationId: 'c', occurredAt: '2022-05-10T09:30:00Z' },
          },
        ],
        'any',
      );
    }
    await s.write(1200); // past a page of the digester's reads
    const d = await s.digester.sign();
    const last = new Map((await s.store.readAll()).map((e) => [e.streamId, e]));
    const sorted = [...last.keys()].sort((a, b) => (a < b ? -1 : 1));
    expect(last.get('partner-p-1')!.revision).toBe(2);
    expect(d).toMatchObject({
      streamHeadsSize: 1204,
      streamHeadsRoot: toHex(rootOfLeafHashes(sorted.map((id) => eventLeafHash(last.get(id)!)))),
    });
    expect(verifyDigestSignature(d)).toBe(true);
    expect(
      verifyDigestSignature({
        ...d,
        streamHeadsRoot: toHex(rootOfLeafHashes(sorted.slice(1).map((id) => eventLeafHash(last.get(id)!)))),
      }),
    ).toBe(false);
  });

  it('given the tree has gone further than the head read, then the digest still signs the root at the head size, not the tree head', async () => {
    const s = setup((follower) => ({
      ...bind(follower),
      head: async (upTo) => {
        const h = await follower.head(upTo);
        await s.write(2);
        await follower.head();
        return h;
      },
    }));
    await s.write(3);
    const d = await s.digester.sign();
    const firstThree = (await s.store.readAll()).slice(0, 3).map(eventLeafHash);
    expect(d).toMatchObject({ eventCount: 3, treeSize: 3, treeRoot: toHex(rootOfLeafHashes(firstThree)) });
  });

  it('given a tree that counts the head differently from the log read, then nothing is signed', async () => {
    const s = setup((follower) => ({ ...bind(follower), leafIndexOf: async () => 4 }));
    await s.write(3);
    await expect(s.digester.sign()).rejects.toThrow(/holds 5 leaves up to position 2, but the log 3 events/);
  });

  it('find: a recorded digest by id, or undefined for an unknown or malformed id', async () => {
    const s = setup();
    await s.write(2);
    await s.record();
    expect((await s.digester.find('head-1'))?.digest).toMatchObject({ digestId: 'head-1', treeSize: 2 });
    expect(await s.digester.find('head-7')).toBeUndefined();
    expect(await s.digester.find('../etc')).toBeUndefined();
  });
});

function bind(tree: LogTree): LogTree {
  return {
    head: (u) => tree.head(u),
    leafIndexOf: (p) => tree.leafIndexOf(p),
    inclusionProof: (i, n) => tree.inclusionProof(i, n),
    consistencyProof: (m, n) => tree.consistencyProof(m, n),
    rootAt: (n) => tree.rootAt(n),
  };
}
