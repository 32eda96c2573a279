import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDevToken } from '../../src/auth/mint-token';
import { createApp } from '../../src/bootstrap';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { CommandRunner } from '../../src/ledger/command-runner';
import { signDigest } from '../../src/ledger/digests/digest-signature';
import { LedgerDigest } from '../../src/ledger/digests/ledger-digest';
import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { ledgerFile } from '../../src/ledger/event-store.factory';
import { EVENT_STORE, type EventStore } from '../../src/ledger/event-store.port';
import { eventLeafHash, fromHex, verifyConsistency, verifyInclusion } from '../../src/ledger/integrity/merkle';
import { LOG_TREE, type LogTree } from '../../src/ledger/log-tree/log-tree.port';
import { ManualClock } from '../../src/shared/clock';

const ADMIN = { userId: 'sam-admin', role: 'admin', agency: 'warwickshire-safeguarding' } as const;

/** The production bootstrap on SQLite in `dir`, schedules off, driven through Fastify inject. */
async function start(dir: string) {
  const config: AppConfig = loadConfig({
    LEDGER_STORE: 'sqlite',
    LEDGER_DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
    DIGEST_INTERVAL_MINUTES: '0',
  });
  const app: NestFastifyApplication = await createApp(config, new ManualClock(new Date('2022-11-21T12:00:00Z')));
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown, claims: object = ADMIN) => {
    const res = await app.inject({
      method,
      url,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintDevToken(config, claims as typeof ADMIN)}`,
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.json(), type: res.headers['content-type'] };
  };
  return { app, call, store: app.get<EventStore>(EVENT_STORE) };
}
type Service = Awaited<ReturnType<typeof start>>;

const register = async (s: Service, ...ids: string[]) => {
  for (const partnerId of ids)
    expect((await s.call('POST', '/partners', { partnerId, name: partnerId, kind: 'police' })).status).toBe(201);
};
const recordDigest = async (s: Service): Promise<SignedDigest> => {
  const res = await s.call('POST', '/ledger/digests', {});
  expect(res.status).toBe(201);
  const [event] = await s.store.readStream(`digest-${res.body.id}`);
  return event.data as SignedDigest;
};
/** What a verifier holding only the two published digests and the proof concludes. */
const consistent = (from: SignedDigest, to: SignedDigest, proof: string[]) =>
  verifyConsistency({
    fromSize: from.treeSize!,
    fromRoot: fromHex(from.treeRoot!),
    toSize: to.treeSize!,
    toRoot: fromHex(to.treeRoot!),
    proof: proof.map(fromHex),
  });

/** Checks an inclusion proof as an auditor would: the leaf from the event the answer names, against the digest's signed root. */
const included = (
  proof: { event: { streamId: string; revision: number; hash: string }; leafIndex: number; proof: string[] },
  digest: SignedDigest,
) =>
  verifyInclusion({
    leafHash: eventLeafHash({
      streamId: proof.event.streamId,
      revision: proof.event.revision,
      integrity: { hash: proof.event.hash },
    }),
    index: proof.leafIndex,
    size: digest.treeSize!,
    root: fromHex(digest.treeRoot!),
    proof: proof.proof.map(fromHex),
  });

describe('log proofs over HTTP (e2e, SQLite)', () => {
  let dir: string;
  let s: Service;
  let d1: SignedDigest;
  let d2: SignedDigest;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'log-proofs-'));
    s = await start(dir);
    await register(s, 'west-mercia-police', 'cw-icb', 'warwickshire-cc');
    d1 = await recordDigest(s);
    await register(s, 'warwickshire-police', 'uhcw');
    d2 = await recordDigest(s);
  });
  afterEach(async () => {
    await s.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given two digests, when the consistency proof is fetched, then it verifies offline against the roots the digests signed', async () => {
    const res = await s.call('GET', `/ledger/digests/${d2.digestId}/consistency?from=${d1.digestId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: { digestId: d1.digestId, treeSize: 3, treeRoot: d1.treeRoot },
      to: { digestId: d2.digestId, treeSize: 6, treeRoot: d2.treeRoot },
    });
    expect(consistent(d1, d2, res.body.proof)).toBe(true);
    // The same digest twice: nothing to prove, and it verifies.
    const same = await s.call('GET', `/ledger/digests/${d2.digestId}/consistency?from=${d2.digestId}`);
    expect(same.body.proof).toEqual([]);
    expect(consistent(d2, d2, same.body.proof)).toBe(true);
  });

  it('given an event before a digest, when its inclusion proof is fetched, then it verifies offline from the event and the signed root', async () => {
    const log = await s.store.readAll();
    for (const [i, e] of log.slice(0, d2.treeSize).entries()) {
      const res = await s.call('GET', `/ledger/events/${e.position}/inclusion?digest=${d2.digestId}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        leafIndex: i,
        treeSize: 6,
        treeRoot: d2.treeRoot,
        event: { streamId: e.streamId, revision: e.revision, hash: e.integrity.hash },
      });
      expect(included(res.body, d2)).toBe(true);
    }
  });

  it('given bad requests, then each answers a problem+json 4xx naming why', async () => {
    const log = await s.store.readAll();
    const cases: [string, number, string][] = [
      [`/ledger/digests/head-999/consistency?from=${d1.digestId}`, 404, 'digest-not-found'],
      [`/ledger/digests/${d2.digestId}/consistency?from=head-999`, 404, 'digest-not-found'],
      [`/ledger/digests/${d1.digestId}/consistency?from=${d2.digestId}`, 422, 'digest-order'],
      [`/ledger/digests/${d2.digestId}/consistency`, 400, 'missing-from'],
      [`/ledger/events/${log.at(-1)!.position}/inclusion?digest=${d1.digestId}`, 422, 'event-after-digest'],
      [`/ledger/events/${log[0].position}/inclusion`, 400, 'missing-digest'],
      [`/ledger/events/-1/inclusion?digest=${d2.digestId}`, 400, 'invalid-position'],
      [`/ledger/events/1.5/inclusion?digest=${d2.digestId}`, 400, 'invalid-position'],
      [`/ledger/events/99999/inclusion?digest=${d2.digestId}`, 422, 'event-after-digest'],
      [`/ledger/events/${log[0].position}/inclusion?digest=head-999`, 404, 'digest-not-found'],
    ];
    for (const [url, status, code] of cases) {
      const res = await s.call('GET', url);
      expect({ url, status: res.status, code: res.body.code, type: res.type }).toEqual({
        url,
        status,
        code,
        type: expect.stringContaining('application/problem+json'),
      });
    }
  });

  it('given a digest recorded before the tree existed (no treeSize), then proofs against it answer 422 digest-without-tree, and the old digest still verifies as recorded', async () => {
    const log = await s.store.readAll();
    const position = log[1].position;
    const old = signDigest(
      {
        digestId: `head-${position}`,
        position,
        eventCount: 2,
        logHash: 'a'.repeat(64),
        recordedAt: '2022-11-21T12:00:00.000Z',
      },
      generateKeyPairSync('ed25519').privateKey,
    );
    await s.app
      .get(CommandRunner)
      .run(
        LedgerDigest,
        old.digestId,
        { type: 'record-ledger-digest', data: old },
        { actor: ADMIN, correlationId: 'c-old' },
      );
    expect((await s.call('GET', `/ledger/digests/${d2.digestId}/consistency?from=${old.digestId}`)).body).toMatchObject(
      { status: 422, code: 'digest-without-tree' },
    );
    expect(
      (await s.call('GET', `/ledger/events/${log[0].position}/inclusion?digest=${old.digestId}`)).body,
    ).toMatchObject({ status: 422, code: 'digest-without-tree' });
  });

  it('given a member role (ledger:read), then it may fetch proofs; an unauthenticated caller may not', async () => {
    const member = { userId: 'm-1', role: 'member', agency: 'cw-icb' };
    expect(
      (await s.call('GET', `/ledger/digests/${d2.digestId}/consistency?from=${d1.digestId}`, undefined, member)).status,
    ).toBe(200);
    const anonymous = await s.app.inject({
      method: 'GET',
      url: `/ledger/digests/${d2.digestId}/consistency?from=${d1.digestId}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  describe('over a ledger file rewritten between the digests (service stopped, file edited, restarted)', () => {
    /** Rewrites the hash an event carries, as an attacker recomputing a stream would leave it. */
    const rewrite = async (leafIndex: number, dropTree: boolean) => {
      const position = (await s.store.readAll())[leafIndex].position;
      await s.app.get<LogTree>(LOG_TREE).head(); // the tree file holds the whole log when the service stops
      await s.app.close();
      const db = new Database(ledgerFile({ dataDir: dir } as AppConfig));
      db.prepare('UPDATE events SET hash = ? WHERE position = ?').run('f'.repeat(64), position);
      db.close();
      if (dropTree)
        for (const f of ['log-tree.sqlite', 'log-tree.sqlite-wal', 'log-tree.sqlite-shm'])
          rmSync(join(dir, f), { force: true });
      s = await start(dir);
      return position;
    };

    it('given the tree rebuilt from the rewritten log, then the consistency proof it serves fails against the signed digests', async () => {
      await rewrite(1, true);
      const res = await s.call('GET', `/ledger/digests/${d2.digestId}/consistency?from=${d1.digestId}`);
      expect(res.status).toBe(200);
      expect(consistent(d1, d2, res.body.proof)).toBe(false);
    });

    it("given the tree file kept, then the rewritten event's inclusion proof fails against the signed root", async () => {
      const position = await rewrite(4, false);
      const res = await s.call('GET', `/ledger/events/${position}/inclusion?digest=${d2.digestId}`);
      expect(res.status).toBe(200);
      expect(included(res.body, d2)).toBe(false);
    });

    it('given the last event the tree holds rewritten, then the tree refuses to follow: proofs answer 503 log-tree-mismatch and /health reports the log tree down', async () => {
      const last = (await s.store.readAll()).length - 1;
      await rewrite(last, false);
      const res = await s.call('GET', `/ledger/digests/${d2.digestId}/consistency?from=${d1.digestId}`);
      expect(res).toMatchObject({ status: 503, body: { code: 'log-tree-mismatch' } });
      const health = await s.app.inject({ method: 'GET', url: '/health' });
      expect(health.json().parts.logTree).toMatchObject({
        status: 'down',
        state: 'mismatch',
        mismatch: { leafIndex: last },
      });
      // Nor is a digest signed over it: 503, nothing written (the integrity gate, which found the rewrite at start-up, refuses first).
      const before = (await s.store.readAll()).length;
      expect(await s.call('POST', '/ledger/digests', {})).toMatchObject({
        status: 503,
        body: { code: 'ledger-integrity-failed' },
      });
      expect((await s.store.readAll()).length).toBe(before);
    });
  });
});
