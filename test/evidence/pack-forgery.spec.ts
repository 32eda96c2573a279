import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { loadDemo } from '../../demo/load/load-demo';
import { NO_DIGEST_WARNING, UNPINNED_WARNING } from '../../src/evidence/pack/verify/check-digest';
import { LOG_PROOFS_FILE, type ProofLine } from '../../src/evidence/pack/formats/log-proofs';
import { LOG_HASHES_FILE } from '../../src/evidence/pack/formats/pack-files';
import { describeProblem } from '../../src/evidence/pack/verify/pack-problem';
import type { PackManifest } from '../../src/evidence/pack/pack-manifest';
import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { packTables, tableList } from '../../src/evidence/pack/formats/tables/pack-tables';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { EventStore } from '../../src/ledger/event-store.port';
import { hashEvent } from '../../src/ledger/integrity/hash-chain';
import { startTestApp, type TestApp } from '../support/test-app';
import { MemoryLogTree, treeDigestAt } from './support/memory-log-tree';
import { buildToFile, request, tempDir, unzip, withRecomputedManifest, zipTo } from './support/pack-files';

const publicPem = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();

/** A real tree digest of the log up to the event `ahead` events after `to`, signed with `key`. */
async function digestOf(
  store: EventStore,
  tree: MemoryLogTree,
  to: number,
  key: KeyObject,
  ahead = 0,
): Promise<SignedDigest> {
  const all = await store.readAll();
  return treeDigestAt(store, tree, all[all.findIndex((e) => e.position === to) + ahead].position, key);
}

const ndjsonLines = <T>(files: Map<string, Buffer>, name: string) =>
  files
    .get(name)!
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as T);
const parseEvents = (files: Map<string, Buffer>) => ndjsonLines<StoredEvent>(files, 'events.ndjson');
const parseProofs = (files: Map<string, Buffer>) => ndjsonLines<ProofLine>(files, LOG_PROOFS_FILE);

/** A record stream whose last event is dated in the period (2022): its last in-scope event. */
const lastInScopeEvent = (events: StoredEvent[], also: (e: StoredEvent) => boolean = () => true) =>
  [...new Set(events.map((e) => e.streamId))]
    .map((s) => events.filter((e) => e.streamId === s).at(-1)!)
    .find(
      (e) =>
        /^(decision|action|escalation|budget)-/.test(e.streamId) &&
        e.revision >= 1 &&
        e.metadata.occurredAt.startsWith('2022') &&
        also(e),
    )!;
const eventProof = (proofs: ProofLine[], position: number) =>
  proofs.find((p) => p.kind === 'event' && p.position === position)!;
/** The log-tree leaf paired with this event's leaf is an event the pack holds too. */
const siblingInPack = (proofs: ProofLine[], position: number) => {
  const own = eventProof(proofs, position);
  return own.kind === 'event' && proofs.some((p) => p.kind === 'event' && p.leafIndex === (own.leafIndex ^ 1));
};
const ndjson = (items: unknown[]) => Buffer.from(items.map((i) => `${JSON.stringify(i)}\n`).join(''));

/**
 * The careful forger: writes the events back, recomputes every CSV from them with the builder's own
 * functions, then every file hash, both root hashes and the manifest hash. Only the signed digest
 * (and log-hashes.txt, which it covers) is beyond reach.
 */
function forge(files: Map<string, Buffer>, events: StoredEvent[], proofs?: ProofLine[]): Map<string, Buffer> {
  const m = JSON.parse(files.get('manifest.json')!.toString()) as PackManifest;
  const tables = packTables(m.scope.to);
  for (const e of events) for (const t of tableList(tables)) t.add(e);
  const out = new Map(files);
  out.set('events.ndjson', Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join('')));
  for (const t of tableList(tables)) out.set(t.file, Buffer.from(t.csv(m.csvFormat), 'utf8'));
  if (proofs) out.set(LOG_PROOFS_FILE, ndjson(proofs));
  return withRecomputedManifest(out);
}

/** Re-seals a stream's chain from one revision on, as a forger who rewrote an event must. */
function rechain(events: StoredEvent[], streamId: string): void {
  let prev: string | undefined;
  for (const e of events.filter((x) => x.streamId === streamId)) {
    const { position: _p, integrity: _i, ...content } = e;
    const prevHash = prev ?? e.integrity.prevHash;
    e.integrity = { prevHash, hash: hashEvent(content, prevHash) };
    prev = e.integrity.hash;
  }
}

/**
 * Packs over the demo record with a real signed tree digest (issue 12's acceptance): an inclusion
 * proof per event and a head per stream tie the pack to the signed tree, so rewriting, dropping or
 * cutting an event shows even when every other hash is recomputed, nothing outside the pack's scope
 * is disclosed, and --public-key pins who signed.
 */
describe('evidence pack forgery against the signed digest', () => {
  let t: TestApp;
  let tree: MemoryLogTree;
  let tmp: ReturnType<typeof tempDir>;
  const key = generateKeyPairSync('ed25519').privateKey;
  const published = publicPem(key);
  let pack: string;
  let manifest: PackManifest;
  let files: Map<string, Buffer>;
  const rezip = async (name: string, changed: Map<string, Buffer>, pinned = published) => {
    const file = join(tmp.dir, name);
    await zipTo(file, changed);
    return verifyPack(file, { publicKeyPem: pinned });
  };
  /** The pack forged without one event (and with the given proof lines), every hash recomputed, verified. */
  const rezipWithout = (name: string, events: StoredEvent[], gone: StoredEvent, proofs: ProofLine[]) =>
    rezip(
      name,
      forge(
        files,
        events.filter((e) => e !== gone),
        proofs,
      ),
    );
  const withoutItsProof = (gone: StoredEvent) =>
    parseProofs(files).filter((p) => !(p.kind === 'event' && p.position === gone.position));
  const withTree = (signer: KeyObject, scope = {}) =>
    request(scope, { digestCovering: (to) => digestOf(t.store, tree, to, signer, 1), logTree: tree });

  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    tree = new MemoryLogTree(t.store);
    tmp = tempDir();
    pack = join(tmp.dir, 'signed.zip');
    manifest = await buildToFile(t.store, withTree(key), pack);
    files = await unzip(pack);
  });
  afterAll(async () => {
    tmp.remove();
    await t.close();
  });

  it('verifies offline against the published key with an inclusion proof per event, and holds no stream id or hash outside its scope', async () => {
    const result = await verifyPack(pack, { publicKeyPem: published });
    expect(result.problems.map(describeProblem)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(manifest.files.map((f) => f.name)).toContain(LOG_PROOFS_FILE);
    expect(manifest.files.map((f) => f.name)).not.toContain(LOG_HASHES_FILE);
    const events = parseEvents(files);
    expect(parseProofs(files).filter((p) => p.kind === 'event')).toHaveLength(events.length);
    const inPack = new Set(events.map((e) => e.streamId));
    const outside = (await t.store.readAll()).filter((e) => !inPack.has(e.streamId));
    expect(outside.length).toBeGreaterThan(0);
    const text = [...files.values()].map((b) => b.toString('latin1')).join('\n');
    for (const e of outside) {
      expect(text).not.toContain(`"${e.streamId}"`);
      expect(text).not.toContain(e.integrity.hash);
    }
  });

  it('verifies with a warning that the signer is not pinned when no key is given', async () => {
    const result = await verifyPack(pack);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([UNPINNED_WARNING]);
  });

  it('accepts the published key however its PEM whitespace is laid out', async () => {
    const respaced = `\r\n  ${published.trim().split('\n').join('\r\n\n  ')}  \r\n`;
    expect((await verifyPack(pack, { publicKeyPem: respaced })).problems).toEqual([]);
  });

  it('refuses a digest signed by another key when the published key is pinned (and only warns without it)', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const file = join(tmp.dir, 'other-key.zip');
    await buildToFile(t.store, withTree(other), file);
    expect(await verifyPack(file, { publicKeyPem: published })).toMatchObject({
      ok: false,
      problems: [
        expect.objectContaining({
          file: 'manifest.json',
          message: expect.stringMatching(/not the published public key/),
        }),
      ],
    });
    expect(await verifyPack(file)).toMatchObject({ ok: true, warnings: [UNPINNED_WARNING] });
  });

  it('refuses a pack with no digest when a key is pinned, and warns without one', async () => {
    const file = join(tmp.dir, 'unsigned.zip');
    await buildToFile(t.store, request(), file);
    expect(await verifyPack(file)).toMatchObject({ ok: true, problems: [], warnings: [NO_DIGEST_WARNING] });
    expect((await verifyPack(file, { publicKeyPem: published })).problems).toEqual([
      expect.objectContaining({ file: 'manifest.json', message: expect.stringMatching(/no signed digest/) }),
    ]);
  });

  it('given one byte of any event flipped (sampled across the pack), then verify-pack fails naming that event', async () => {
    const events = parseEvents(files);
    const step = Math.max(1, Math.floor(events.length / 12));
    const sample = [...events.filter((_e, i) => i % step === 0), events.at(-1)!];
    for (const target of sample) {
      const lines = files.get('events.ndjson')!.toString('utf8').trimEnd().split('\n');
      const i = events.indexOf(target);
      const at = lines[i].indexOf(target.integrity.hash) + 10; // a byte of the event's own hash: still valid JSON
      lines[i] = `${lines[i].slice(0, at)}${lines[i][at] === '0' ? '1' : '0'}${lines[i].slice(at + 1)}`;
      const result = await rezip(
        `flip-${i}.zip`,
        new Map([...files, ['events.ndjson', Buffer.from(`${lines.join('\n')}\n`)]]),
      );
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          file: 'events.ndjson',
          eventId: target.id,
          message: expect.stringMatching(/is not in the log the signed digest .* commits to/),
        }),
      );
    }
  });

  it('names a rewritten event whose stream chain, CSVs, file hashes and root hash were all recomputed', async () => {
    const events = parseEvents(files);
    const target = events.find((e) => e.type === 'decision-recorded')!;
    (target.data as { text: string }).text = 'Forged: the board declined to fund the hub';
    rechain(events, target.streamId);
    const forged = forge(files, events);
    expect(forged.get('decisions.csv')!.toString()).toContain('Forged'); // the CSVs say what the forger wants
    const result = await rezip('rewritten.zip', forged);
    expect(result.ok).toBe(false);
    // Everything the forger could recompute is consistent: only the signed tree disagrees, for the event and the ones rechained after it.
    expect(result.problems.filter((p) => !/commits to|head line/.test(p.message)).map(describeProblem)).toEqual([]);
    expect(result.problems[0]).toMatchObject({
      file: 'events.ndjson',
      eventId: target.id,
      streamId: target.streamId,
      revision: target.revision,
      message: expect.stringMatching(/is not in the log the signed digest .* commits to/),
    });
  });

  it('names an event dropped from the middle of its stream, with its proof line and every hash recomputed', async () => {
    const events = parseEvents(files);
    const dropped = events.find(
      (e) => e.revision === 1 && events.some((x) => x.streamId === e.streamId && x.revision === 2),
    )!;
    const result = await rezipWithout('dropped.zip', events, dropped, withoutItsProof(dropped));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: 'events.ndjson',
        streamId: dropped.streamId,
        revision: 2,
        message: expect.stringMatching(/revisions 1\.\.1 are missing/),
      }),
    );
  });

  it("names the stream and its missing revision when a stream's last in-scope event is dropped, with its proof line and every hash recomputed", async () => {
    const events = parseEvents(files);
    const victim = lastInScopeEvent(events);
    const result = await rezipWithout('cut.zip', events, victim, withoutItsProof(victim));
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => /hash chain|SHA-256|rootHash|revisions/.test(p.message))).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'events.ndjson',
        streamId: victim.streamId,
        revision: victim.revision,
        message: expect.stringMatching(
          new RegExp(
            `stream ${victim.streamId} is cut short: revision ${victim.revision} .* is its last event at the signed digest`,
          ),
        ),
      }),
    ]);
  });

  it("names the stream when its last in-scope event is dropped, its head line rewritten to the new last event and the log tree's hole filled with a node line, every hash recomputed", async () => {
    const events = parseEvents(files);
    const proofs = parseProofs(files);
    // A one-leaf node fills the hole only where the dropped leaf's sibling is in the pack: pick such a victim.
    const victim = lastInScopeEvent(events, (e) => siblingInPack(proofs, e.position));
    const before = events.filter((e) => e.streamId === victim.streamId).at(-2)!;
    const dropped = eventProof(proofs, victim.position);
    const beforeLine = eventProof(proofs, before.position);
    if (dropped.kind !== 'event' || beforeLine.kind !== 'event') throw new Error('no event lines');
    const forgedProofs: ProofLine[] = [
      ...proofs
        .filter((p) => p !== dropped)
        .map((p) =>
          p.kind === 'head' && p.streamId === victim.streamId
            ? { ...p, revision: before.revision, hash: before.integrity.hash, leafIndex: beforeLine.leafIndex }
            : p,
        ),
      { kind: 'node', start: dropped.leafIndex, end: dropped.leafIndex + 1, hash: dropped.leafHash },
    ];
    const result = await rezipWithout('cut-node.zip', events, victim, forgedProofs);
    // The log tree is satisfied (the node stands for the dropped leaf); only the stream-heads proof is not.
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'events.ndjson',
        streamId: victim.streamId,
        revision: before.revision,
        message: expect.stringMatching(
          new RegExp(
            `stream ${victim.streamId} is cut short or its head was rewritten: revision ${before.revision} .* is not shown to be its last event at the signed digest`,
          ),
        ),
      }),
    ]);
  });
});
