import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { LOG_PROOFS_FILE, type ProofLine } from '../../src/evidence/pack/formats/log-proofs';
import { LOG_HASHES_FILE } from '../../src/evidence/pack/formats/pack-files';
import { describeProblem } from '../../src/evidence/pack/verify/pack-problem';
import type { BuildPackRequest } from '../../src/evidence/pack/build/build-pack-contract';
import type { PackScope } from '../../src/evidence/domain/pack-scope';
import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import { signDigest } from '../../src/ledger/digests/digest-signature';
import { eventLeafHash } from '../../src/ledger/integrity/merkle';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { MemoryLogTree, treeDigestAt, treeOnlyDigestAt } from './support/memory-log-tree';
import { buildToFile, flipByte, request, tempDir, unzip, withRecomputedManifest, zipTo } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';

const key = generateKeyPairSync('ed25519').privateKey;
const lines = (data: Buffer) => data.toString('utf8').trimEnd().split('\n');
const eventsOf = (files: Map<string, Buffer>) =>
  lines(files.get('events.ndjson')!).map((l) => JSON.parse(l) as StoredEvent);
const proofsOf = (files: Map<string, Buffer>) =>
  lines(files.get(LOG_PROOFS_FILE)!).map((l) => JSON.parse(l) as ProofLine);
const ndjson = (items: unknown[]) => Buffer.from(items.map((i) => `${JSON.stringify(i)}\n`).join(''));

/**
 * Packs proven against a signed digest's Merkle tree (issue 12) over a small synthetic ledger:
 * log-proofs.ndjson instead of log-hashes.txt, each stream whole up to its head at the digest, and
 * every way of removing or changing an event named. The demo record's acceptance is in
 * pack-forgery.spec.ts.
 */
describe('evidence packs with inclusion proofs', () => {
  let store: MemoryEventStore;
  let tree: MemoryLogTree;
  let head: number;
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  beforeAll(async () => {
    store = await syntheticLedger();
    tree = new MemoryLogTree(store);
    head = (await store.readAll()).at(-1)!.position;
  });

  const build = async (name: string, scope: Partial<PackScope> = {}, extra: Partial<BuildPackRequest> = {}) => {
    const file = join(tmp.dir, name);
    const manifest = await buildToFile(
      store,
      request(scope, { digestCovering: () => treeDigestAt(store, tree, head, key), logTree: tree, ...extra }),
      file,
    );
    return { file, manifest, files: await unzip(file) };
  };
  const verifyFiles = async (name: string, files: Map<string, Buffer>) => {
    const file = join(tmp.dir, name);
    await zipTo(file, files);
    return verifyPack(file);
  };

  it('given a tree digest, then the pack carries an inclusion proof per event and a head per stream, and verifies', async () => {
    const { file, manifest, files } = await build('ok.zip');
    expect([...files.keys()]).toContain(LOG_PROOFS_FILE);
    expect([...files.keys()]).not.toContain(LOG_HASHES_FILE);
    const events = eventsOf(files);
    const proofs = proofsOf(files);
    expect(proofs.filter((p) => p.kind === 'event').map((p) => p.kind === 'event' && p.position)).toEqual(
      events.map((e) => e.position),
    );
    expect(proofs.filter((p) => p.kind === 'event').map((p) => p.kind === 'event' && p.leafIndex)).toEqual(
      await Promise.all(events.map((e) => tree.leafIndexOf(e.position))),
    );
    expect(
      proofs
        .filter((p) => p.kind === 'head')
        .map((p) => p.kind === 'head' && p.streamId)
        .sort(),
    ).toEqual([...new Set(events.map((e) => e.streamId))].sort());
    expect(manifest.digest?.treeSize).toBe((await store.readAll()).length);
    const result = await verifyPack(file);
    expect(result.problems.map(describeProblem)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('given a stream with events after the period, then it goes in up to its head at the digest and the CSVs still stop at the period', async () => {
    const { files } = await build('head.zip');
    const a2 = eventsOf(files)
      .filter((e) => e.streamId === 'action-a2')
      .map((e) => e.type);
    expect(a2).toEqual(['action-raised', 'action-progress-noted']); // the 2023 note: the stream's head at the digest
    const { files: unproven } = await build('no-digest.zip', {}, { digestCovering: undefined });
    expect(files.get('action-log.csv')!.equals(unproven.get('action-log.csv')!)).toBe(true);
  });

  it('given a narrow scope, then no stream id or hash of a record outside it is anywhere in the pack', async () => {
    const { file, files } = await build('narrow.zip', { boardIds: ['b2'], records: ['actions'] });
    const inPack = new Set(eventsOf(files).map((e) => e.streamId));
    expect([...inPack].sort()).toEqual(['action-a2', 'board-b2', 'meeting-m2', 'partner-p2']);
    const outside = (await store.readAll()).filter((e) => !inPack.has(e.streamId));
    const text = [...files.values()].map((b) => b.toString('latin1')).join('\n');
    for (const e of outside) {
      expect(text).not.toContain(`"${e.streamId}"`);
      expect(text).not.toContain(e.integrity.hash);
    }
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it('given an event rewritten with its hash recomputed, then verify-pack names it by its inclusion proof', async () => {
    const { files } = await build('rewrite.zip', { records: ['actions'] });
    const events = eventsOf(files);
    const target = events.find((e) => e.type === 'action-raised')!;
    target.integrity.hash = 'ab'.repeat(32); // what a recomputed chain gives: a different hash
    const forged = withRecomputedManifest(new Map([...files, ['events.ndjson', ndjson(events)]]));
    const problems = (await verifyFiles('rewrite-forged.zip', forged)).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'events.ndjson',
        eventId: target.id,
        streamId: target.streamId,
        revision: target.revision,
        message: expect.stringMatching(/is not in the log the signed digest .* commits to: its leaf is not leaf/),
      }),
    );
  });

  it('given an event rewritten with its leaf line rewritten to match, then the head line names it; with the head rewritten too, the root fails', async () => {
    const { files } = await build('rewrite-both.zip', { records: ['actions'] });
    const events = eventsOf(files);
    const target = events.find((e) => e.type === 'action-completed')!; // action-a1's last event: its head
    target.integrity.hash = 'ab'.repeat(32);
    const leafHash = eventLeafHash(target).toString('hex');
    const lines = proofsOf(files).map((p) =>
      p.kind === 'event' && p.position === target.position ? { ...p, leafHash } : p,
    );
    const forged = withRecomputedManifest(
      new Map([...files, ['events.ndjson', ndjson(events)], [LOG_PROOFS_FILE, ndjson(lines)]]),
    );
    expect((await verifyFiles('rewrite-both-forged.zip', forged)).problems).toContainEqual(
      expect.objectContaining({
        file: 'events.ndjson',
        eventId: target.id,
        message: expect.stringMatching(
          /is not in the log .*: leaf \d+ of the signed tree is action-a1 revision 1 with hash [0-9a-f]{64} \(its head line\), not this event/,
        ),
      }),
    );
    const allThree = lines.map((p) =>
      p.kind === 'head' && p.streamId === target.streamId ? { ...p, hash: target.integrity.hash } : p,
    );
    const problems = (
      await verifyFiles(
        'rewrite-all-forged.zip',
        withRecomputedManifest(new Map([...forged, [LOG_PROOFS_FILE, ndjson(allThree)]])),
      )
    ).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: LOG_PROOFS_FILE,
        message: expect.stringMatching(
          /its leaves and nodes give root .* not the signed digest .* the file was changed/,
        ),
      }),
    );
  });

  it("given one byte of an event's leaf in the proofs flipped, then verify-pack names that event", async () => {
    const { files } = await build('flip-proof.zip', { records: ['actions'] });
    const text = files.get(LOG_PROOFS_FILE)!;
    const at = text.indexOf('"leafHash":"') + 20;
    const problems = (
      await verifyFiles(
        'flip-proof-forged.zip',
        withRecomputedManifest(new Map([...files, [LOG_PROOFS_FILE, flipByte(text, at)]])),
      )
    ).problems;
    const first = eventsOf(files)[0];
    // The first event is its stream's only one, so its head line still holds the true leaf, and the proof stands.
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'events.ndjson',
        eventId: first.id,
        message: expect.stringMatching(/its leaf is not leaf \d+ of the signed tree/),
      }),
      expect.objectContaining({
        file: 'events.ndjson',
        eventId: first.id,
        message: expect.stringMatching(/\(its head line\), not this event/),
      }),
    ]);
  });

  it('given a narrow pack, then its proof holds a few gap nodes, and without one of them nothing is proven', async () => {
    const { files } = await build('gaps.zip', { boardIds: ['b2'], records: ['actions'] });
    const proofs = proofsOf(files);
    const nodes = proofs.filter((p) => p.kind === 'node');
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.length).toBeLessThan(
      2 * Math.log2((await store.readAll()).length) * proofs.filter((p) => p.kind === 'event').length,
    );
    const problems = (
      await verifyFiles(
        'gaps-forged.zip',
        withRecomputedManifest(new Map([...files, [LOG_PROOFS_FILE, ndjson(proofs.filter((p) => p !== nodes[0]))]])),
      )
    ).problems;
    expect(problems).toEqual([
      expect.objectContaining({ file: LOG_PROOFS_FILE, message: expect.stringMatching(/no node line for leaves/) }),
    ]);
  });

  it("given a stream's last event dropped with its proof line, then verify-pack names the stream and the missing revision", async () => {
    const { files } = await build('cut.zip');
    const events = eventsOf(files);
    const last = events.filter((e) => e.streamId === 'action-a1').at(-1)!;
    const kept = events.filter((e) => e !== last);
    const proofs = proofsOf(files).filter((p) => !(p.kind === 'event' && p.position === last.position));
    const forged = withRecomputedManifest(
      new Map([...files, ['events.ndjson', ndjson(kept)], [LOG_PROOFS_FILE, ndjson(proofs)]]),
    );
    const problems = (await verifyFiles('cut-forged.zip', forged)).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'events.ndjson',
        streamId: 'action-a1',
        revision: last.revision,
        message: expect.stringMatching(
          /stream action-a1 is cut short: revision 1 .* is its last event at the signed digest/,
        ),
      }),
    );
    // And with its head line gone too: a stream the pack cannot show whole.
    const headless = proofs.filter((p) => !(p.kind === 'head' && p.streamId === 'action-a1'));
    const problems2 = (
      await verifyFiles(
        'cut-headless.zip',
        withRecomputedManifest(new Map([...forged, [LOG_PROOFS_FILE, ndjson(headless)]])),
      )
    ).problems;
    expect(problems2).toContainEqual(
      expect.objectContaining({ streamId: 'action-a1', message: expect.stringMatching(/has no head line/) }),
    );
    // And with its head line rewritten to the new last event: the dropped leaf is a hole no node covers.
    const before = kept.filter((e) => e.streamId === 'action-a1').at(-1)!;
    const beforeLine = proofs.find((p) => p.kind === 'event' && p.position === before.position)!;
    const rewritten = proofs.map((p) =>
      p.kind === 'head' && p.streamId === 'action-a1'
        ? {
            ...p,
            revision: before.revision,
            hash: before.integrity.hash,
            leafIndex: beforeLine.kind === 'event' ? beforeLine.leafIndex : -1,
          }
        : p,
    );
    const problems3 = (
      await verifyFiles(
        'cut-rehead.zip',
        withRecomputedManifest(new Map([...forged, [LOG_PROOFS_FILE, ndjson(rewritten)]])),
      )
    ).problems;
    expect(problems3).toContainEqual(
      expect.objectContaining({
        file: LOG_PROOFS_FILE,
        message: expect.stringMatching(/no node line for leaves \[\d+, \d+\)/),
      }),
    );
    // The head line is consistent with the pack now; its proof in the signed stream-heads tree is not.
    expect(problems3).toContainEqual(
      expect.objectContaining({
        streamId: 'action-a1',
        revision: before.revision,
        message: expect.stringMatching(/stream action-a1 is cut short or its head was rewritten/),
      }),
    );
  });

  it("given a stream's last event dropped, its head line rewritten to the new last event and a node line added for the hole, then verify-pack names the stream (its head is not the one the digest signed)", async () => {
    // action-a2's last event at the digest is after the period: the CSVs do not change, so the forger has nothing else to recompute.
    const { files } = await build('cut-node.zip');
    const events = eventsOf(files);
    const last = events.filter((e) => e.streamId === 'action-a2').at(-1)!;
    const kept = events.filter((e) => e !== last);
    const before = kept.filter((e) => e.streamId === 'action-a2').at(-1)!;
    const proofs = proofsOf(files);
    const dropped = proofs.find((p) => p.kind === 'event' && p.position === last.position)!;
    const beforeLine = proofs.find((p) => p.kind === 'event' && p.position === before.position)!;
    if (dropped.kind !== 'event' || beforeLine.kind !== 'event') throw new Error('no event lines');
    // Everything the forger can recompute: the head line names the new last event, and the dropped
    // leaf (its hash is in the pack) becomes the node line for the one-leaf gap it leaves.
    const forgedProofs = [
      ...proofs
        .filter((p) => p !== dropped)
        .map((p) =>
          p.kind === 'head' && p.streamId === 'action-a2'
            ? { ...p, revision: before.revision, hash: before.integrity.hash, leafIndex: beforeLine.leafIndex }
            : p,
        ),
      { kind: 'node', start: dropped.leafIndex, end: dropped.leafIndex + 1, hash: dropped.leafHash },
    ];
    const forged = withRecomputedManifest(
      new Map([...files, ['events.ndjson', ndjson(kept)], [LOG_PROOFS_FILE, ndjson(forgedProofs)]]),
      (manifest) => {
        manifest.positions.to = kept.at(-1)!.position; // the dropped event was the pack's last
      },
    );
    const result = await verifyFiles('cut-node-forged.zip', forged);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ streamId: 'action-a2', message: expect.stringMatching(/stream action-a2/) }),
    );
  });

  it("given a head line's stream-heads index removed or moved, or a heads-node line of its path removed, then verify-pack names the stream and only it", async () => {
    const { files } = await build('heads-proof.zip');
    const proofs = proofsOf(files);
    const heads = proofs.filter((p) => p.kind === 'head');
    expect(heads.every((h) => h.kind === 'head' && Number.isSafeInteger(h.headsIndex))).toBe(true);
    expect(proofs.filter((p) => p.kind === 'heads-node').length).toBeGreaterThan(0);
    const unproven = proofs.map((p) =>
      p.kind === 'head' && p.streamId === 'action-a1' ? { ...p, headsIndex: undefined } : p,
    );
    const problems = (
      await verifyFiles(
        'heads-proof-gone.zip',
        withRecomputedManifest(new Map([...files, [LOG_PROOFS_FILE, ndjson(unproven)]])),
      )
    ).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        streamId: 'action-a1',
        message: expect.stringMatching(/stream action-a1's head line gives no index in the stream-heads tree/),
      }),
    ]);
    const moved = proofs.map((p) =>
      p.kind === 'head' && p.streamId === 'action-a1' ? { ...p, headsIndex: p.headsIndex! + 1 } : p,
    );
    const problems2 = (
      await verifyFiles(
        'heads-proof-moved.zip',
        withRecomputedManifest(new Map([...files, [LOG_PROOFS_FILE, ndjson(moved)]])),
      )
    ).problems;
    expect(problems2).toEqual([
      expect.objectContaining({
        streamId: 'action-a1',
        message: expect.stringMatching(
          /stream action-a1 is cut short or its head was rewritten: .*does not give the signed root/,
        ),
      }),
    ]);
    // The node next to action-a1's leaf (its nearest sibling) is on its path and on its sibling's only.
    const a1 = heads.find((h) => h.kind === 'head' && h.streamId === 'action-a1')!;
    const i = a1.kind === 'head' ? a1.headsIndex! : -1;
    const sibling = proofs.find(
      (p) => p.kind === 'heads-node' && p.end - p.start === 1 && p.start === (i % 2 === 1 ? i - 1 : i + 1),
    )!;
    const problems3 = (
      await verifyFiles(
        'heads-node-gone.zip',
        withRecomputedManifest(new Map([...files, [LOG_PROOFS_FILE, ndjson(proofs.filter((p) => p !== sibling))]])),
      )
    ).problems;
    expect(problems3).toContainEqual(
      expect.objectContaining({
        streamId: 'action-a1',
        message: expect.stringMatching(
          /stream action-a1 is cut short or its head was rewritten: .*has no heads-node line/,
        ),
      }),
    );
  });

  it('given a tree-only digest (signed before the stream heads), then the pack carries no stream-heads proofs and verifies as before', async () => {
    const { file, files } = await build(
      'tree-only.zip',
      {},
      { digestCovering: () => treeOnlyDigestAt(store, tree, head, key) },
    );
    const heads = proofsOf(files).filter((p) => p.kind === 'head');
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.some((h) => h.kind === 'head' && h.headsIndex !== undefined)).toBe(false);
    expect(proofsOf(files).some((p) => p.kind === 'heads-node')).toBe(false);
    expect((await verifyPack(file)).problems).toEqual([]);
  });

  it('refuses to build against a digest whose stream-heads root the ledger does not give', async () => {
    const stale = (): Promise<SignedDigest> =>
      treeDigestAt(store, tree, head, key, { streamHeadsRoot: 'cd'.repeat(32) });
    await expect(build('stale-heads.zip', {}, { digestCovering: stale })).rejects.toThrow(
      /stream heads at position \d+ do not give digest .*streamHeadsRoot/,
    );
  });

  it('given an event dropped mid-stream with its proof line, then verify-pack names the gap', async () => {
    const later = await syntheticLedger();
    await put(
      later,
      'action-a1',
      'action-progress-noted',
      { actionId: 'a1', note: 'Reviewed' },
      '2022-05-01T10:00:00Z',
    );
    const laterTree = new MemoryLogTree(later);
    const file = join(tmp.dir, 'mid.zip');
    const top = (await later.readAll()).at(-1)!.position;
    await buildToFile(
      later,
      request({}, { digestCovering: () => treeDigestAt(later, laterTree, top, key), logTree: laterTree }),
      file,
    );
    const files = await unzip(file);
    const events = eventsOf(files);
    const dropped = events.find((e) => e.streamId === 'action-a1' && e.revision === 1)!;
    const proofs = proofsOf(files).filter((p) => !(p.kind === 'event' && p.position === dropped.position));
    const forged = withRecomputedManifest(
      new Map([
        ...files,
        ['events.ndjson', ndjson(events.filter((e) => e !== dropped))],
        [LOG_PROOFS_FILE, ndjson(proofs)],
      ]),
    );
    const problems = (await verifyFiles('mid-forged.zip', forged)).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'events.ndjson',
        streamId: 'action-a1',
        revision: 2,
        message: expect.stringMatching(/revisions 1\.\.1 are missing/),
      }),
    );
  });

  it('given log-proofs.ndjson removed, or kept with the digest stripped, then each is named', async () => {
    const { files } = await build('presence.zip', { records: ['funding'] });
    const removed = withRecomputedManifest(files, (_m, f) => {
      f.delete(LOG_PROOFS_FILE);
    });
    expect((await verifyFiles('no-proofs.zip', removed)).problems).toContainEqual(
      expect.objectContaining({ file: LOG_PROOFS_FILE, message: expect.stringMatching(/^missing/) }),
    );
    const stripped = withRecomputedManifest(files, (m) => {
      delete m.digest;
    });
    const problems = (await verifyFiles('stripped.zip', stripped)).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'manifest.json',
        message: expect.stringMatching(/no signed digest with a log tree/),
      }),
    );
  });

  it('refuses to build against a digest that does not reach the pack', async () => {
    const first = (await store.readAll())[2].position;
    await expect(
      build('short.zip', {}, { digestCovering: () => treeDigestAt(store, tree, first, key) }),
    ).rejects.toThrow(/does not cover the pack's event/);
  });

  it('refuses to build against a digest whose tree root the ledger no longer gives', async () => {
    const stale = (): Promise<SignedDigest> => treeDigestAt(store, tree, head, key, { treeRoot: 'cd'.repeat(32) });
    await expect(build('stale.zip', {}, { digestCovering: stale })).rejects.toThrow(
      /ledger changed after the digest was signed/,
    );
  });

  it('given a digest without a tree (signed before issue 12), then the pack carries no digest unless log-hashes.txt is asked for', async () => {
    const old = async () => {
      const {
        treeSize: _s,
        treeRoot: _r,
        streamHeadsSize: _h,
        streamHeadsRoot: _hr,
        ...d
      } = await treeDigestAt(store, tree, head, key);
      return signDigest(d, key);
    };
    const { manifest } = await build('old-digest.zip', {}, { digestCovering: old });
    expect(manifest.digest).toBeUndefined();
    const legacy = await build('legacy.zip', {}, { digestCovering: old, logEvidence: 'log-hashes' });
    expect([...legacy.files.keys()]).toContain(LOG_HASHES_FILE);
    expect((await verifyPack(legacy.file)).problems).toEqual([]);
  });

  describe('held to a published digest (--digest, --public-key, --consistency)', () => {
    const published = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
    let packFile: string;
    let packDigest: SignedDigest;
    let later: MemoryEventStore;
    let laterTree: MemoryLogTree;
    const verifyAgainst = (digest: SignedDigest, consistencyProof?: string[], pin: string | null = published) =>
      verifyPack(packFile, {
        publicKeyPem: pin ?? undefined,
        published: { digest, name: 'annual-report.json', consistencyProof },
      });

    beforeAll(async () => {
      // The ledger grows after the pack's digest; the partnership publishes a later digest of it.
      later = await syntheticLedger();
      laterTree = new MemoryLogTree(later);
      const top = (await later.readAll()).at(-1)!.position;
      packDigest = await treeDigestAt(later, laterTree, top, key);
      packFile = join(tmp.dir, 'published.zip');
      await buildToFile(later, request({}, { digestCovering: async () => packDigest, logTree: laterTree }), packFile);
      await put(later, 'action-a3', 'action-completed', { actionId: 'a3' }, '2023-03-01T10:00:00Z');
    });
    const laterDigest = async () => treeDigestAt(later, laterTree, (await later.readAll()).at(-1)!.position, key);

    it('given the same digest, then the pack verifies against it', async () => {
      expect((await verifyAgainst(packDigest)).problems).toEqual([]);
    });

    it('given a later digest, then it needs a consistency proof, names the endpoint, and verifies with it', async () => {
      const newer = await laterDigest();
      expect((await verifyAgainst(newer)).problems).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(
            new RegExp(
              `give --consistency <file> with GET /ledger/digests/${newer.digestId}/consistency\\?from=${packDigest.digestId}`,
            ),
          ),
        }),
      ]);
      const proof = await laterTree.consistencyProof(packDigest.treeSize!, newer.treeSize!);
      expect((await verifyAgainst(newer, proof)).problems).toEqual([]);
    });

    it('given a later digest of a rewritten log, then no consistency proof joins them', async () => {
      const rewritten = await syntheticLedger(); // the same records with fresh event ids: a different log
      await put(rewritten, 'action-a3', 'action-completed', { actionId: 'a3' }, '2023-03-01T10:00:00Z');
      const rewrittenTree = new MemoryLogTree(rewritten);
      const other = await treeDigestAt(rewritten, rewrittenTree, (await rewritten.readAll()).at(-1)!.position, key);
      const proof = await rewrittenTree.consistencyProof(packDigest.treeSize!, other.treeSize!);
      expect((await verifyAgainst(other, proof)).problems).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/consistency proof does not show/) }),
      ]);
      const sameSize = await treeDigestAt(rewritten, rewrittenTree, (await rewritten.readAll()).at(-2)!.position, key);
      expect((await verifyAgainst(sameSize)).problems).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/disagree on the log at tree size/) }),
      ]);
    });

    it('given a published digest signed by another key, or no published key, then it is refused', async () => {
      const other = generateKeyPairSync('ed25519').privateKey;
      const forged = signDigest({ ...packDigest }, other);
      expect((await verifyAgainst(forged)).problems).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/not the published public key/) }),
      ]);
      expect((await verifyAgainst({ ...packDigest, treeRoot: 'ab'.repeat(32) })).problems).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/signature does not verify/) }),
      ]);
      expect((await verifyAgainst(packDigest, undefined, null)).problems).toContainEqual(
        expect.objectContaining({ message: expect.stringMatching(/without the published public key/) }),
      );
    });

    it('given a pack from before issue 12, then it is held to exactly the digest it carries', async () => {
      const { treeSize: _s, treeRoot: _r, streamHeadsSize: _h, streamHeadsRoot: _hr, ...fields } = packDigest;
      const old = signDigest(fields, key);
      const file = join(tmp.dir, 'published-old.zip');
      await buildToFile(later, request({}, { digestCovering: async () => old, logEvidence: 'log-hashes' }), file);
      expect(
        (await verifyPack(file, { publicKeyPem: published, published: { digest: old, name: 'old.json' } })).problems,
      ).toEqual([]);
      expect(
        (
          await verifyPack(file, {
            publicKeyPem: published,
            published: { digest: await laterDigest(), name: 'new.json' },
          })
        ).problems,
      ).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/without a log tree on both no consistency proof can join them/),
        }),
      ]);
    });
  });
});
