import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { loadDemo } from '../../src/demo/load/load-demo';
import { NO_DIGEST_WARNING, UNPINNED_WARNING } from '../../src/evidence/pack/check-digest';
import { DATA_FILES, LOG_HASHES_FILE, MANIFEST_FILE, manifestHashOf, manifestText, rootHashOf, sha256 } from '../../src/evidence/pack/pack-files';
import { describeProblem } from '../../src/evidence/pack/pack-problem';
import type { PackManifest, SignedDigest } from '../../src/evidence/pack/pack-types';
import { packTables, tableList } from '../../src/evidence/pack/tables/pack-tables';
import { verifyPack } from '../../src/evidence/pack/verify-pack';
import { computeLogHash } from '../../src/ledger/digests/log-hash';
import { signDigest } from '../../src/ledger/digests/digest-signature';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { EventStore } from '../../src/ledger/event-store.port';
import { hashEvent } from '../../src/ledger/integrity/hash-chain';
import { startTestApp, type TestApp } from '../support/test-app';
import { buildToFile, request, tempDir, unzip, zipTo } from './support/pack-files';

const publicPem = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();

/** Every file hash, both root hashes (the data root over the builder's data files) and the manifest hash. */
function withRecomputedManifest(files: Map<string, Buffer>): Map<string, Buffer> {
  const m = JSON.parse(files.get(MANIFEST_FILE)!.toString('utf8')) as PackManifest;
  m.files = m.files.map((f) => ({ name: f.name, sha256: sha256(files.get(f.name)!), bytes: files.get(f.name)!.length }));
  m.rootHash = rootHashOf(m.files);
  m.dataRootHash = rootHashOf(m.files.filter((f) => DATA_FILES.includes(f.name)));
  m.manifestHash = manifestHashOf(m);
  return new Map([...files, [MANIFEST_FILE, Buffer.from(manifestText(m), 'utf8')]]);
}

/** A real digest of the log up to the event `ahead` events after `to`, signed with `key`. */
async function digestOf(store: EventStore, to: number, key: KeyObject, ahead = 0): Promise<SignedDigest> {
  const all = await store.readAll();
  const at = all[all.findIndex((e) => e.position === to) + ahead];
  const upTo = all.filter((e) => e.position <= at.position);
  return signDigest({ digestId: `d-${at.position}`, position: at.position, eventCount: upTo.length, logHash: computeLogHash(upTo.map((e) => e.integrity.hash)), recordedAt: '2023-01-01T00:00:00.000Z' }, key);
}

const parseEvents = (files: Map<string, Buffer>) => files.get('events.ndjson')!.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as StoredEvent);

/**
 * The careful forger: writes the events back, recomputes every CSV from them with the builder's own
 * functions, then every file hash, both root hashes and the manifest hash. Only the signed digest
 * (and log-hashes.txt, which it covers) is beyond reach.
 */
function forge(files: Map<string, Buffer>, events: StoredEvent[]): Map<string, Buffer> {
  const m = JSON.parse(files.get('manifest.json')!.toString()) as PackManifest;
  const tables = packTables(m.scope.to);
  for (const e of events) for (const t of tableList(tables)) t.add(e);
  const out = new Map(files);
  out.set('events.ndjson', Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join('')));
  for (const t of tableList(tables)) out.set(t.file, Buffer.from(t.csv(), 'utf8'));
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
 * Packs over the demo record with a real signed digest: log-hashes.txt ties every event to the
 * signed logHash, so rewriting or cutting a stream shows even when every other hash is recomputed,
 * and --public-key pins who signed.
 */
describe('evidence pack forgery against the signed digest', () => {
  let t: TestApp;
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

  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    tmp = tempDir();
    pack = join(tmp.dir, 'signed.zip');
    manifest = await buildToFile(t.store, request({}, { digestCovering: (to) => digestOf(t.store, to, key, 1) }), pack);
    files = await unzip(pack);
  }, 120_000);
  afterAll(async () => { tmp.remove(); await t.close(); });

  it('verifies against the published key, with log-hashes.txt listing the whole log up to the digest', async () => {
    const result = await verifyPack(pack, { publicKeyPem: published });
    expect(result.problems.map(describeProblem)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(manifest.files.map((f) => f.name)).toContain(LOG_HASHES_FILE);
    const all = (await t.store.readAll()).filter((e) => e.position <= manifest.digest!.position);
    expect(manifest.digest!.position).toBeGreaterThan(manifest.positions.to!);
    expect(files.get(LOG_HASHES_FILE)!.toString()).toBe(all.map((e) => `${e.position} ${e.streamId} ${e.revision} ${e.integrity.hash}\n`).join(''));
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
    await buildToFile(t.store, request({}, { digestCovering: (to) => digestOf(t.store, to, other) }), file);
    expect(await verifyPack(file, { publicKeyPem: published })).toMatchObject({ ok: false, problems: [expect.objectContaining({ file: 'manifest.json', message: expect.stringMatching(/not the published public key/) })] });
    expect(await verifyPack(file)).toMatchObject({ ok: true, warnings: [UNPINNED_WARNING] });
  });

  it('refuses a pack with no digest when a key is pinned, and warns without one', async () => {
    const file = join(tmp.dir, 'unsigned.zip');
    await buildToFile(t.store, request(), file);
    expect(await verifyPack(file)).toMatchObject({ ok: true, problems: [], warnings: [NO_DIGEST_WARNING] });
    expect((await verifyPack(file, { publicKeyPem: published })).problems).toEqual([expect.objectContaining({ file: 'manifest.json', message: expect.stringMatching(/no signed digest/) })]);
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
    // Everything the forger could recompute is consistent: only the signed log disagrees.
    expect(result.problems.filter((p) => !/the one the signed digest covers/.test(p.message)).map(describeProblem)).toEqual([]);
    expect(result.problems[0]).toMatchObject({ file: 'events.ndjson', eventId: target.id, streamId: target.streamId, revision: target.revision, message: expect.stringMatching(/is not the one the signed digest covers/) });
  });

  it('names log-hashes.txt when the forger rewrites it too: its hashes no longer give the signed logHash', async () => {
    const events = parseEvents(files);
    const target = events.find((e) => e.type === 'decision-recorded')!;
    (target.data as { text: string }).text = 'Forged again';
    rechain(events, target.streamId);
    const newHash = new Map(events.map((e) => [e.position, e.integrity.hash]));
    const lines = files.get(LOG_HASHES_FILE)!.toString().trimEnd().split('\n').map((l) => {
      const [position, streamId, revision] = l.split(' ');
      return `${position} ${streamId} ${revision} ${newHash.get(Number(position)) ?? l.split(' ')[3]}\n`;
    });
    const result = await rezip('rewritten-log.zip', forge(new Map([...files, [LOG_HASHES_FILE, Buffer.from(lines.join(''))]]), events));
    expect(result.problems).toEqual([expect.objectContaining({ file: LOG_HASHES_FILE, message: expect.stringMatching(/give logHash .* but the signed digest .* says/) })]);
  });

  it("names the stream and its first missing revision when a stream's tail is cut and every hash recomputed", async () => {
    const events = parseEvents(files);
    const last = events.at(-1)!;
    // A stream with several revisions whose last one was recorded before the pack's last event.
    const victim = events.find((e) => e.revision === 2 && e.streamId !== last.streamId && events.some((x) => x.streamId === e.streamId && x.revision === 3))!;
    const cut = events.filter((e) => !(e.streamId === victim.streamId && e.revision >= 2));
    const result = await rezip('cut.zip', forge(files, cut));
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => /hash chain|SHA-256|rootHash|revisions/.test(p.message))).toBe(false);
    expect(result.problems[0]).toMatchObject({ file: 'events.ndjson', streamId: victim.streamId, revision: 2, message: expect.stringMatching(new RegExp(`stream ${victim.streamId} is cut short: revision 2 .* is missing`)) });
  });
});
