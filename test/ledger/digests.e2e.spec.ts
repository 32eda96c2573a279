import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TokenClaims } from '../../src/auth/mint-token';
import { loadDemo } from '../../demo/load/load-demo';
import type { SignedDigest } from '../../src/ledger/digests/signed-digest';
import { verifyDigestSignature } from '../../src/ledger/digests/digest-signature';
import { LogHeadDigester } from '../../src/ledger/digests/log-head-digester';
import { computeLogHash } from '../../src/ledger/digests/log-hash';
import { eventCount, expectProblem, send } from '../support/http';
import { startProjectionsApp } from '../read-models/support/projections-app';
import { type TestApp } from '../support/test-app';

/** DigestsModule is one of the app's context modules: the projections test app (production bootstrap, manual clock) serves it. */
const startDigestsApp = (env: Record<string, string> = {}) => startProjectionsApp(env);

const ADMIN = { userId: 'sam-admin', role: 'admin', agency: 'warwickshire-safeguarding' } as const;

describe('ledger digests (e2e)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startDigestsApp();
  });
  afterEach(async () => {
    await t.close();
  });
  const admin = () => t.token(ADMIN);
  const record = async (body: object = {}, o: { ifMatch?: string; idempotencyKey?: string } = {}) =>
    send(t, '/ledger/digests', body, { token: await admin(), ...o });
  const list = async (query = '', claims: Partial<TokenClaims> = {}) =>
    send(t, `/ledger/digests${query}`, undefined, { method: 'GET', token: await t.token(claims) });
  const registerPartner = async (partnerId = 'warwickshire-police') =>
    expect(
      (await send(t, '/partners', { partnerId, name: partnerId, kind: 'police' }, { token: await admin() })).status,
    ).toBe(201);

  it('records a signed digest of the head (201), lists it with its recorder, and the digest is an event in the ledger with that actor', async () => {
    await registerPartner();
    await registerPartner('cw-icb');
    const log = await t.store.readAll();
    const hashes = log.map((e) => e.integrity.hash);
    const head = log.at(-1)!.position; // 1 on the memory store, a byte offset on EventStoreDB
    const res = await record();
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({
      id: `head-${head}`,
      streamId: `digest-head-${head}`,
      revision: 0,
      events: ['ledger-digest-recorded'],
    });

    const [event] = await t.store.readStream(`digest-head-${head}`);
    expect(event).toMatchObject({
      type: 'ledger-digest-recorded',
      metadata: { actor: ADMIN, recordedAt: '2022-11-21T12:00:00.000Z' },
    });

    const listed = await list(); // a business manager holds ledger:read
    expect(listed.status).toBe(200);
    expect(listed.body.digests).toHaveLength(1);
    const { digest, recordedBy, eventPosition } = listed.body.digests[0] as {
      digest: SignedDigest;
      recordedBy: unknown;
      eventPosition: number;
    };
    expect(recordedBy).toEqual(ADMIN);
    expect(eventPosition).toBe(event.position);
    expect(digest).toMatchObject({
      digestId: `head-${head}`,
      position: head,
      eventCount: 2,
      logHash: computeLogHash(hashes),
      algorithm: 'Ed25519',
      recordedAt: '2022-11-21T12:00:00.000Z',
    });
    expect(verifyDigestSignature(digest)).toBe(true);
    expect(digest).toEqual(event.data);
  });

  it('over the demo governance record: the digest covers every event, and latestCovering finds it for the pack builder', async () => {
    await loadDemo(t.app);
    const events = await t.store.readAll();
    const res = await record();
    expect(res.status).toBe(201);
    const digester = t.app.get(LogHeadDigester);
    const covering = await digester.latestCovering(events.at(-1)!.position);
    expect(covering).toMatchObject({
      position: events.at(-1)!.position,
      eventCount: events.length,
      logHash: computeLogHash(events.map((e) => e.integrity.hash)),
    });
    expect(await digester.latestCovering(events.at(-1)!.position + 2)).toBeUndefined();
    expect((await send(t, '/ledger/verify', undefined, { method: 'GET', token: await admin() })).body).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['business-manager', 403],
    ['auditor', 403],
    ['inspector', 403],
  ])('refuses the role %s (no ledger:digest) with %i and writes nothing', async (role, status) => {
    await registerPartner();
    const res = await send(t, '/ledger/digests', {}, { token: await t.token({ role: role as TokenClaims['role'] }) });
    expectProblem(res, status);
    expect(await eventCount(t)).toBe(1);
  });

  it("refuses a token claiming the scheduler's 'system' role (401): only the scheduler itself acts as it", async () => {
    await registerPartner();
    const res = await send(
      t,
      '/ledger/digests',
      {},
      {
        token: await t.token({
          userId: 'ledger-digest-scheduler',
          role: 'system' as TokenClaims['role'],
          agency: 'ledger',
        }),
      },
    );
    expectProblem(res, 401);
    expect(await eventCount(t)).toBe(1);
  });

  it('refuses a body that tries to supply the digest or a malformed time (400 naming each field) and writes nothing', async () => {
    await registerPartner();
    const res = await record({ logHash: 'f'.repeat(64), occurredAt: 'yesterday' });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['logHash', 'occurredAt']);
    expect(await eventCount(t)).toBe(1);
  });

  it.each([
    ['an empty ledger', false, {}, 422, 'nothing-to-digest'],
    ['a backdated digest', true, { occurredAt: '2022-11-20T12:00:00Z' }, 422, 'digest-backdated'],
  ])('refuses %s with its stable code and writes nothing', async (_, seed, body, status, code) => {
    if (seed) await registerPartner();
    const before = await eventCount(t);
    expectProblem(await record(body), status, code);
    expect(await eventCount(t)).toBe(before);
  });

  it('answers 412 when If-Match is stale (the digest stream is new) and writes nothing', async () => {
    await registerPartner();
    expectProblem(await record({}, { ifMatch: '"0"' }), 412, 'wrong-expected-revision');
    expect(await eventCount(t)).toBe(1);
  });

  it('returns the first result for a retried Idempotency-Key and records the digest once', async () => {
    await registerPartner();
    const first = await record({}, { idempotencyKey: 'annual-report-2022' });
    t.clock.advance(60_000);
    const retry = await record({}, { idempotencyKey: 'annual-report-2022' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect((await list()).body.digests).toHaveLength(1);
    expect(await eventCount(t)).toBe(2);
  });

  it('lists in log order and pages with after/limit; refuses bad paging (400) and roles without ledger:read (403)', async () => {
    for (const id of ['a', 'b', 'c']) {
      await registerPartner(`partner-${id}`);
      expect((await record()).status).toBe(201);
    }
    // Each digest covers the head before it: the partner registered just before (0, 2, 4 on the memory store).
    const partners = (await t.store.readAll({ filter: { streamCategories: ['partner'] } })).map(
      (e) => `head-${e.position}`,
    );
    const page1 = await list('?limit=2');
    expect(page1.body.digests.map((d: { digest: SignedDigest }) => d.digest.digestId)).toEqual(partners.slice(0, 2));
    const page2 = await list(`?limit=2&after=${page1.body.next}`);
    expect(page2.body.digests.map((d: { digest: SignedDigest }) => d.digest.digestId)).toEqual(partners.slice(2));
    expect(page2.body.next).toBeUndefined();
    // A cursor that names no event (here: one past the page's last digest) pages on from the event before it.
    const inBetween = await list(`?limit=2&after=${page1.body.next + 1}`);
    expect(inBetween.status).toBe(200);
    expect(inBetween.body.digests.map((d: { digest: SignedDigest }) => d.digest.digestId)).toEqual(partners.slice(2));
    expectProblem(await list('?limit=0'), 400, 'invalid-limit');
    expectProblem(await list('?after=x'), 400, 'invalid-after');
    expectProblem(await list('', { role: 'inspector' }), 403);
  });

  it('given a recorded digest, when an auditor reads it by id, then it carries the payload signed, a valid signature, the key fingerprint and its proofs; an unknown id is a 404', async () => {
    await registerPartner();
    const recorded = await record();
    expect(recorded.status).toBe(201);
    const [{ digest }] = (await list()).body.digests as { digest: SignedDigest }[];
    const res = await send(t, `/ledger/digests/${digest.digestId}`, undefined, {
      method: 'GET',
      token: await t.token({ role: 'auditor', userId: 'audit-1' }),
    });
    expect(res.status).toBe(200);
    const verification = res.body.verification as Record<string, unknown>;
    expect(res.body).toMatchObject({ digest, revision: 0, recordedBy: { userId: ADMIN.userId } });
    // The payload is what the signature covers: an auditor checks it with nothing but the key.
    expect(
      verify(
        null,
        Buffer.from(verification.signedPayload as string),
        createPublicKey(digest.publicKeyPem),
        Buffer.from(digest.signature, 'base64'),
      ),
    ).toBe(true);
    expect(JSON.parse(verification.signedPayload as string)).toMatchObject({ digestId: digest.digestId, treeSize: 1 });
    expect(verification).toMatchObject({
      signatureValid: true,
      publicKeySha256: createHash('sha256')
        .update(createPublicKey(digest.publicKeyPem).export({ type: 'spki', format: 'der' }))
        .digest('hex'),
      consistencyProof: `/ledger/digests/${digest.digestId}/consistency?from={from}`,
      inclusionProof: `/ledger/events/{position}/inclusion?digest=${digest.digestId}`,
    });
    expectProblem(await list('/head-999999'), 404, 'digest-not-found');
  });

  it('given a digest read once, when it is read again with its ETag, then 304 and no body', async () => {
    await registerPartner();
    expect((await record()).status).toBe(201);
    const [{ digest }] = (await list()).body.digests as { digest: SignedDigest }[];
    const url = `/ledger/digests/${digest.digestId}`;
    const authorization = `Bearer ${await t.token({ role: 'auditor', userId: 'audit-1' })}`;
    const first = await t.app.inject({ method: 'GET', url, headers: { authorization } });
    expect(first.headers.etag).toMatch(/^"0\.[0-9a-f]+"$/);

    const again = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization, 'if-none-match': first.headers.etag! },
    });
    expect({ status: again.statusCode, body: again.body, etag: again.headers.etag }).toEqual({
      status: 304,
      body: '',
      etag: first.headers.etag,
    });
  });

  it('documents both endpoints in OpenAPI with their operation ids', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/ledger/digests'].post.operationId).toBe('recordLedgerDigest');
    expect(doc.paths['/ledger/digests'].get.operationId).toBe('listLedgerDigests');
    expect(doc.paths['/ledger/digests'].post.requestBody).toBeDefined();
  });
});

describe('ledger digests: starting up', () => {
  it('given LEDGER_SIGNING_KEY_FILE names a missing file, then the app does not start and the error names the variable', async () => {
    await expect(
      startDigestsApp({ LEDGER_SIGNING_KEY_FILE: join(tmpdir(), 'no-such-ledger-key.pem') }),
    ).rejects.toThrow(/LEDGER_SIGNING_KEY_FILE .*cannot be read/);
  });

  it('given no key file in dev, then it starts with a key generated under <dataDir>/signing/ and signs with it', async () => {
    const t = await startDigestsApp();
    try {
      expect(existsSync(join(t.config.dataDir, 'signing', 'ledger-digest.pem'))).toBe(true);
      await send(
        t,
        '/partners',
        { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' },
        { token: await t.token(ADMIN) },
      );
      const res = await send(t, '/ledger/digests', {}, { token: await t.token(ADMIN) });
      expect(res.status).toBe(201);
      const [event] = await t.store.readStream(res.body.streamId);
      expect((event.data as SignedDigest).publicKeyPem).toBe(
        readFileSync(join(t.config.dataDir, 'signing', 'ledger-digest.pub.pem'), 'utf8'),
      );
    } finally {
      await t.close();
    }
  });
});
