import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { parseLogHashLine } from '../../src/evidence/pack/formats/log-hashes';
import { LOG_HASHES_FILE } from '../../src/evidence/pack/formats/pack-files';
import { describeProblem } from '../../src/evidence/pack/verify/pack-problem';
import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { verifyPack } from '../../src/evidence/pack/verify/verify-pack';
import { signDigest } from '../../src/ledger/digests/digest-signature';
import { computeLogHash } from '../../src/ledger/digests/log-hash';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { buildToFile, request, tempDir, unzip, withRecomputedManifest, zipTo } from './support/pack-files';
import { put, syntheticLedger } from './support/synthetic-ledger';

const key = generateKeyPairSync('ed25519').privateKey;

/** A real digest at `position`, or one whose fields are changed before signing (`edit`). */
async function digestAt(
  store: MemoryEventStore,
  position: number,
  edit: Partial<SignedDigest> = {},
): Promise<SignedDigest> {
  const upTo = (await store.readAll()).filter((e) => e.position <= position);
  return signDigest(
    {
      digestId: `d-${position}`,
      position,
      eventCount: upTo.length,
      logHash: computeLogHash(upTo.map((e) => e.integrity.hash)),
      recordedAt: '2023-03-01T09:00:00.000Z',
      ...edit,
    },
    key,
  );
}

describe('log-hashes.txt lines', () => {
  const hash = 'ab'.repeat(32);
  it('parses <position> <streamId> <revision> <hash>', () => {
    expect(parseLogHashLine(`12 action-a1 3 ${hash}`)).toEqual({
      position: 12,
      streamId: 'action-a1',
      revision: 3,
      hash,
    });
  });
  it.each([
    ['too few fields', `12 action-a1 ${hash}`, /not "<position>/],
    ['a negative or non-integer position', `-1 action-a1 0 ${hash}`, /non-negative integers/],
    ['a non-integer revision', `1 action-a1 0.5 ${hash}`, /non-negative integers/],
    ['an upper-case hash', `1 action-a1 0 ${hash.toUpperCase()}`, /64 lower-case hex/],
    ['a short hash', `1 action-a1 0 abc`, /64 lower-case hex/],
  ])('refuses %s', (_why, line, message) => {
    expect(parseLogHashLine(line)).toMatch(message);
  });
});

/** Packs as built before issue 12 (log-hashes.txt, still built on request) keep verifying. */
describe('log-hashes.txt in a pack over a synthetic ledger', () => {
  let store: MemoryEventStore;
  let tmp: ReturnType<typeof tempDir>;
  let all: StoredEvent[];
  const build = async (
    name: string,
    digest: (to: number) => Promise<SignedDigest | undefined>,
    s: MemoryEventStore = store,
  ) => {
    const file = join(tmp.dir, name);
    const manifest = await buildToFile(s, request({}, { digestCovering: digest, logEvidence: 'log-hashes' }), file);
    return { file, manifest };
  };
  const rezip = async (name: string, files: Map<string, Buffer>) => {
    const file = join(tmp.dir, name);
    await zipTo(file, files);
    return verifyPack(file);
  };

  beforeAll(async () => {
    store = await syntheticLedger();
    all = await store.readAll();
    tmp = tempDir();
  });
  afterAll(() => tmp.remove());

  it('builds and verifies with a digest covering the last event exactly, and one beyond it', async () => {
    for (const ahead of [0, 1]) {
      const { file, manifest } = await build(`ok-${ahead}.zip`, (to) => digestAt(store, to + ahead));
      expect(manifest.files.map((f) => f.name)).toContain(LOG_HASHES_FILE);
      expect((await verifyPack(file)).problems.map(describeProblem)).toEqual([]);
    }
  });

  it('refuses to build from a ledger that no longer gives the digest its logHash, or does not reach its position', async () => {
    await expect(build('stale.zip', (to) => digestAt(store, to, { logHash: 'cd'.repeat(32) }))).rejects.toThrow(
      /changed after the digest was signed/,
    );
    await expect(
      build('beyond.zip', async (to) => ({ ...(await digestAt(store, to)), position: all.at(-1)!.position + 10 })),
    ).rejects.toThrow(/ends at position/);
  });

  it('names a digest that does not cover the last event, and the events it leaves out', async () => {
    const { file, manifest } = await build('short.zip', (to) => digestAt(store, to - 1));
    const problems = (await verifyPack(file)).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'manifest.json', message: expect.stringMatching(/covers position/) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'events.ndjson',
        message: `position ${manifest.positions.to} is not in log-hashes.txt: the signed log holds no such event`,
      }),
    );
  });

  it('names a digest whose signed fields were changed, even with the manifest recomputed', async () => {
    const { file } = await build('fields.zip', (to) => digestAt(store, to));
    const forged = withRecomputedManifest(await unzip(file), (m) => {
      m.digest!.eventCount += 1;
    });
    const problems = (await rezip('fields-forged.zip', forged)).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'manifest.json', message: expect.stringMatching(/signature does not verify/) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: LOG_HASHES_FILE,
        message: expect.stringMatching(/lines, but the signed digest .* covers/),
      }),
    );
  });

  it('names log-hashes.txt removed while the digest stays, and kept while the digest is stripped', async () => {
    const { file } = await build('presence.zip', (to) => digestAt(store, to));
    const files = await unzip(file);
    const removed = withRecomputedManifest(files, (_m, f) => {
      f.delete(LOG_HASHES_FILE);
    });
    expect((await rezip('no-file.zip', removed)).problems).toEqual([
      expect.objectContaining({ file: LOG_HASHES_FILE, message: expect.stringMatching(/^missing/) }),
    ]);
    const stripped = withRecomputedManifest(files, (m) => {
      delete m.digest;
    });
    expect((await rezip('no-digest.zip', stripped)).problems).toEqual([
      expect.objectContaining({
        file: 'manifest.json',
        message: expect.stringMatching(/log-hashes.txt but no signed digest/),
      }),
    ]);
  });

  it('names lines out of order and a line that is not one', async () => {
    const { file } = await build('order.zip', (to) => digestAt(store, to));
    const files = await unzip(file);
    const lines = files.get(LOG_HASHES_FILE)!.toString().trimEnd().split('\n');
    [lines[1], lines[2]] = [lines[2], lines[1]];
    lines[4] = 'not a line';
    const problems = (
      await rezip(
        'order-forged.zip',
        withRecomputedManifest(files, (_m, f) => f.set(LOG_HASHES_FILE, Buffer.from(`${lines.join('\n')}\n`))),
      )
    ).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ file: LOG_HASHES_FILE, line: 3, message: expect.stringMatching(/does not follow/) }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: LOG_HASHES_FILE, line: 5, message: expect.stringMatching(/not "<position>/) }),
    );
  });

  it("holds an included stream's later events recorded before the pack's last event (so completeness is provable), but leaves them out of the CSVs", async () => {
    const baseline = await unzip((await build('baseline.zip', async () => undefined)).file);
    const later = await syntheticLedger();
    // action-a2 is completed after the period, then a pledge dated inside it is recorded late (backdated).
    await put(later, 'action-a2', 'action-completed', { actionId: 'a2' }, '2023-02-10T10:00:00Z');
    await put(
      later,
      'budget-2022-23',
      'contribution-pledged',
      { financialYear: '2022-23', pledgeId: 'pl2', partnerId: 'p2', amountPence: 5_000_000, basis: 'agreed' },
      '2022-12-01T09:00:00Z',
    );
    const { file, manifest } = await build('late.zip', (to) => digestAt(later, to), later);
    const events = (await unzip(file))
      .get('events.ndjson')!
      .toString()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as StoredEvent);
    expect(events.filter((e) => e.streamId === 'action-a2').map((e) => e.type)).toEqual([
      'action-raised',
      'action-progress-noted',
      'action-completed',
    ]);
    expect(manifest.positions.to).toBe((await later.readAll()).at(-1)!.position);
    const packed = await unzip(file);
    expect(packed.get('action-log.csv')!.equals(baseline.get('action-log.csv')!)).toBe(true); // as at the end of 2022: a2 still open
    expect((await verifyPack(file)).problems.map(describeProblem)).toEqual([]);
  });
});
