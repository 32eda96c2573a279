import { generateKeyPairSync } from 'node:crypto';
import { signDigest } from '../digests/digest-signature';
import { digestIdFor } from '../digests/ledger-digest';
import { computeLogHash } from '../digests/log-hash';
import type { SignedDigest } from '../digests/signed-digest';
import type { StoredEvent } from '../event-envelope';
import { MemoryEventStore } from '../memory/memory-event-store';
import { ManualClock } from '../../shared/clock';
import { eventLeafHash, rootOfLeafHashes, StreamHeadsTree, toHex } from './merkle';
import { verifyLedger } from './verify-store';
import type { SourcedDigest } from './verify-store-problems';
import { numberedEvents as events } from './testing/numbered-events';

const keyPair = () => generateKeyPairSync('ed25519');
const pem = (k: ReturnType<typeof keyPair>) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** The stream-heads fields the service signs over the first `size` events: each stream's last event, by the RFC definition. */
function headsOver(log: StoredEvent[], size: number): Partial<SignedDigest> {
  const last = new Map(log.slice(0, size).map((e) => [e.streamId, e]));
  const ids = [...last.keys()].sort((a, b) => (a < b ? -1 : 1));
  expect(
    toHex(
      StreamHeadsTree.of(
        new Map([...last].map(([id, e]) => [id, { revision: e.revision, hash: e.integrity.hash }])),
      ).root(),
    ),
  ).toBe(toHex(rootOfLeafHashes(ids.map((id) => eventLeafHash(last.get(id)!)))));
  return {
    streamHeadsSize: ids.length,
    streamHeadsRoot: toHex(rootOfLeafHashes(ids.map((id) => eventLeafHash(last.get(id)!)))),
  };
}

/** The digest the service would sign over the first `size` events, by the RFC definitions (not CompactRange). */
function digestOver(
  log: StoredEvent[],
  size: number,
  key = partnership,
  withTree = true,
  edit: Partial<SignedDigest> = {},
): SignedDigest {
  const covered = log.slice(0, size);
  const position = covered.at(-1)!.position;
  const tree = withTree ? { treeSize: size, treeRoot: toHex(rootOfLeafHashes(covered.map(eventLeafHash))) } : {};
  return signDigest(
    {
      digestId: digestIdFor(position),
      position,
      eventCount: size,
      logHash: computeLogHash(covered.map((e) => e.integrity.hash)),
      recordedAt: '2022-05-10T10:00:00.000Z',
      ...tree,
      ...edit,
    },
    key.privateKey,
  );
}
const supplied = (digest: SignedDigest, name = 'published.json'): SourcedDigest => ({
  digest,
  source: { kind: 'supplied', name },
});

const partnership = keyPair();

/** The digest is named a mismatch twice: as recorded in the ledger and as supplied (published.json). */
function expectMismatchRecordedAndSupplied(report: { problems: unknown[] }, fields: Record<string, unknown>) {
  for (const digestSource of ['ledger', 'published.json'])
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'digest-mismatch', digestSource, ...fields }),
    );
}

describe('verifyLedger (chains, dense positions, digests against the recomputed tree)', () => {
  let store: MemoryEventStore;
  let log: StoredEvent[];
  beforeEach(async () => {
    // given a 10-event log in the memory engine (positions 0..9, dense)
    store = new MemoryEventStore(new ManualClock());
    await store.append('case-1', events(4), 'no_stream');
    await store.append('case-2', events(3), 'no_stream');
    await store.append('case-1', events(3), 3);
    log = await store.readAll();
  });
  const verify = (ds: SourcedDigest[], pinned = pem(partnership)) =>
    verifyLedger(store, {
      supplied: ds,
      pinnedKeyPem: pinned,
      positions: { first: 0, next: (n) => n + 1, previous: (n) => n - 1 },
      pageSize: 3,
    });
  /** Records each digest in the ledger, in its own stream, as the digest command does. */
  const recordDigests = async (...ds: SignedDigest[]) => {
    for (const d of ds)
      await store.append(
        `digest-${d.digestId}`,
        [{ ...events(1)[0], type: 'ledger-digest-recorded', data: d }],
        'no_stream',
      );
  };

  it('given digests over every prefix, with and without a tree, when verified, then all check and the report carries the recomputed head', async () => {
    const ds = [1, 2, 3, 5, 7, 8, 10].flatMap((n) => [
      supplied(digestOver(log, n), `t${n}`),
      supplied(digestOver(log, n, partnership, false), `o${n}`),
    ]);
    const report = await verify(ds);
    // Supplied digests this ledger never recorded are named as such; nothing else is wrong with any of them.
    expect(report.problems.filter((p) => p.kind !== 'digest-not-recorded')).toEqual([]);
    expect(report.digests).toHaveLength(14);
    expect(report).toMatchObject({
      treeSize: 10,
      treeRoot: toHex(rootOfLeafHashes(log.map(eventLeafHash))),
      lastPosition: 9,
      eventsChecked: 10,
    });
  });

  it('given a signed digest whose tree root is wrong but whose log hash is right, then the tree check alone names it', async () => {
    const bad = digestOver(log, 6, partnership, true, { treeRoot: 'ab'.repeat(32) });
    const report = await verify([supplied(bad)]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        kind: 'digest-mismatch',
        digestId: bad.digestId,
        position: 5,
        message: expect.stringContaining('the tree of the first 6 events has root'),
      }),
    );
    expect(report.ok).toBe(false);
  });

  it('given a digest whose treeSize names another event than its position, then it is named', async () => {
    const bad = digestOver(log, 6, partnership, true, { treeSize: 5 });
    expect((await verify([supplied(bad)])).problems).toContainEqual(
      expect.objectContaining({
        kind: 'digest-mismatch',
        message: expect.stringContaining('event 5 of the log is at position 4, the digest signed position 5'),
      }),
    );
  });

  it('given a digest covering more than the log holds, then the log is named cut short, with and without a tree', async () => {
    await store.append('case-2', events(2), 2);
    const longer = await store.readAll();
    const [tree, old] = [digestOver(longer, 12), digestOver(longer, 12, partnership, false)];
    const shortStore = new MemoryEventStore(new ManualClock());
    for (const e of log)
      await shortStore.append(
        e.streamId,
        [{ id: e.id, type: e.type, schemaVersion: 1, data: e.data, metadata: e.metadata }],
        e.revision === 0 ? 'no_stream' : e.revision - 1,
      );
    const report = await verifyLedger(shortStore, {
      supplied: [supplied(tree, 'tree'), supplied(old, 'old')],
      pinnedKeyPem: pem(partnership),
    });
    for (const source of ['tree', 'old']) {
      expect(report.problems).toContainEqual(
        expect.objectContaining({
          kind: 'log-cut-short',
          digestSource: source,
          message: expect.stringContaining(
            'covers 12 events up to position 11, but the log holds 10 events ending at position 9',
          ),
        }),
      );
    }
  });

  it('given a supplied digest signed by another key than the pinned one, then it is refused unchecked; signed by the pinned key it checks', async () => {
    const forged = digestOver(log, 4, keyPair());
    const report = await verify([supplied(forged)]);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'digest-signature-invalid', digestId: forged.digestId }),
      expect.objectContaining({ kind: 'digest-not-recorded' }),
    ]);
    expect(report.digests).toEqual([]);
  });

  it('given a digest that is not even an object, then it is named, not thrown on', async () => {
    const report = await verify([supplied('garbage' as unknown as SignedDigest)]);
    expect(report.problems[0]).toMatchObject({ kind: 'digest-signature-invalid' });
  });

  it('given digests recorded in the ledger, then each is checked, its key held to the pinned one, and one covering its own position is named', async () => {
    const good = digestOver(log, 10);
    await recordDigests(good);
    // Claims to cover position 11, where it is itself recorded: no digest is recorded before the head it covers.
    const other = digestOver(await store.readAll(), 11, keyPair(), true, { position: 11, digestId: 'head-11' });
    await recordDigests(other);
    const report = await verify([]);
    expect(report.digests).toEqual([
      expect.objectContaining({ digestId: 'head-9', source: 'ledger', ok: true }),
      expect.objectContaining({ digestId: 'head-11', ok: false }),
    ]);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'digest-key-not-pinned', digestId: 'head-11' }),
      expect.objectContaining({
        kind: 'digest-malformed',
        digestId: 'head-11',
        message: expect.stringContaining('is itself recorded at position 11'),
      }),
      expect.objectContaining({ kind: 'digest-mismatch', digestId: 'head-11' }),
    ]);
    // Without a pinned key, another key's digest is not a finding in itself (anyone could have signed it).
    expect((await verifyLedger(store, {})).problems.map((p) => p.kind)).toEqual([
      'digest-malformed',
      'digest-mismatch',
    ]);
  });

  it('given an engine with opaque positions (no denseFrom), then gaps in positions are not findings; with dense positions they are', async () => {
    const gappy: StoredEvent[] = log.map((e, i) => ({ ...e, position: i * 7 + 100 }));
    const reader = {
      readAll: async ({ after = -1, maxCount = Infinity } = {}) =>
        gappy.filter((e) => e.position > after).slice(0, maxCount),
      readStream: async () => [],
    };
    expect((await verifyLedger(reader)).ok).toBe(true);
    const dense = await verifyLedger(reader, { positions: { first: 100, next: (n) => n + 1, previous: (n) => n - 1 } });
    expect(dense.problems).toHaveLength(9);
    expect(dense.problems[0]).toMatchObject({
      kind: 'positions-missing',
      position: 107,
      message: expect.stringContaining('positions 101 to 106'),
    });
  });

  it('given digests recorded long after the heads they cover, when fewer points are kept than lie between, then a second read checks them alike', async () => {
    const good = digestOver(log, 4);
    const gappy = digestOver(log, 6, partnership, true, { treeRoot: 'cd'.repeat(32) });
    await store.append('case-3', events(5), 'no_stream');
    await recordDigests(good, gappy);
    let reads = 0;
    const counting = {
      readAll: (o?: object) => {
        reads++;
        return store.readAll(o);
      },
      readStream: store.readStream.bind(store),
    };
    const kept = await verifyLedger(counting, { pageSize: 100 });
    const readsKept = reads;
    reads = 0;
    const reread = await verifyLedger(counting, { pageSize: 100, recentPoints: 2 });
    expect(reads).toBe(2 * readsKept);
    expect(reread).toEqual(kept);
    expect(kept.digests).toEqual([
      expect.objectContaining({ digestId: 'head-3', ok: true }),
      expect.objectContaining({ digestId: 'head-5', ok: false }),
    ]);
    expect(kept.problems).toEqual([
      expect.objectContaining({
        kind: 'digest-mismatch',
        digestId: 'head-5',
        message: expect.stringContaining('has root'),
      }),
    ]);
  });

  it('given a recorded digest whose covered position holds no event any more, then it is named whether checked from the kept points or on a second read', async () => {
    const d = digestOver(log, 6);
    await recordDigests(d);
    const all = await store.readAll();
    const without = all.filter((e) => e.position !== 5);
    const reader = {
      readAll: async ({ after = -1, maxCount = Infinity } = {}) =>
        without.filter((e) => e.position > after).slice(0, maxCount),
      readStream: async () => [],
    };
    for (const recentPoints of [1024, 1]) {
      const report = await verifyLedger(reader, { recentPoints });
      expect(report.problems).toContainEqual(
        expect.objectContaining({
          kind: 'digest-mismatch',
          digestId: 'head-5',
          position: 5,
          message: expect.stringContaining('position 5 it covers holds no event'),
        }),
      );
    }
  });

  it('given digests that sign the stream heads, recorded (checked at kept points or on a second read) and supplied, then each verifies', async () => {
    const ds = [1, 4, 6, 7, 10].map((n) => digestOver(log, n, partnership, true, headsOver(log, n)));
    await recordDigests(...ds);
    for (const recentPoints of [1024, 3]) {
      const report = await verifyLedger(store, {
        supplied: ds.map((d) => supplied(d)),
        pinnedKeyPem: pem(partnership),
        recentPoints,
      });
      expect(report.problems).toEqual([]);
      expect(report.digests.filter((c) => c.ok)).toHaveLength(10);
    }
  });

  it("given a signed digest whose tree is right but whose stream-heads root or size is not the log's, then it is named, recorded or supplied", async () => {
    // A stream's last event swapped for its one before: what a signer would sign for a stream cut short.
    const cut = log.slice(0, 7).filter((e) => !(e.streamId === 'case-2' && e.revision === 2));
    const wrongRoot = digestOver(log, 7, partnership, true, {
      ...headsOver(log, 7),
      streamHeadsRoot: headsOver(cut, cut.length).streamHeadsRoot,
    });
    const wrongSize = digestOver(log, 4, partnership, true, { ...headsOver(log, 4), streamHeadsSize: 2 });
    await recordDigests(wrongRoot, wrongSize);
    const report = await verifyLedger(store, { supplied: [supplied(wrongRoot)], pinnedKeyPem: pem(partnership) });
    expectMismatchRecordedAndSupplied(report, {
      digestId: wrongRoot.digestId,
      position: 6,
      message: expect.stringMatching(
        /the last events of the 2 streams up to position 6 give stream-heads root [0-9a-f]{64}, the digest signed 2 streams with root/,
      ),
    });
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        kind: 'digest-mismatch',
        digestId: wrongSize.digestId,
        message: expect.stringContaining('the last events of the 1 streams up to position 3 give stream-heads root'),
      }),
    );
    expect(report.problems).toHaveLength(3);
  });

  it('given digests signed before the tree (no treeSize), when the log is re-chained behind them, then the log hash names them, supplied or recorded', async () => {
    const old = digestOver(log, 6, partnership, false);
    await recordDigests(old);
    const rewritten = (await store.readAll()).map((e) =>
      e.position === 2 ? { ...e, integrity: { ...e.integrity, hash: 'ee'.repeat(32) } } : e,
    );
    const reader = {
      readAll: async ({ after = -1, maxCount = Infinity } = {}) =>
        rewritten.filter((e) => e.position > after).slice(0, maxCount),
      readStream: async () => [],
    };
    const report = await verifyLedger(reader, { supplied: [supplied(old)] });
    expectMismatchRecordedAndSupplied(report, {
      digestId: old.digestId,
      message: expect.stringContaining('the log hash of the events up to position 5 is not the one signed'),
    });
    // Untouched, both verify.
    expect((await verifyLedger(store, { supplied: [supplied(old)] })).problems).toEqual([]);
  });
});
