import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { mintDevToken } from '../../src/auth/mint-token';
import { TokenVerifier } from '../../src/auth/token-verifier';
import { loadConfig } from '../../src/config/app-config';
import { CONTEXT_MODULES } from '../../src/contexts';
import { loadDemo } from '../../src/demo/load/load-demo';
import { EvidenceModule } from '../../src/evidence/evidence.module';
import { validationPipe } from '../../src/http/validation';
import type { Actor } from '../../src/ledger/event-envelope';
import { EVENT_STORE, type EventStore } from '../../src/ledger/event-store.port';
import { setupOpenApi } from '../../src/openapi';
import { ManualClock } from '../../src/shared/clock';
import { eventCount, expectProblem, send } from '../support/http';
import { businessManager, startTestApp, type TestApp } from '../support/test-app';

const ENV = { DIGEST_INTERVAL_MINUTES: '0' };

/**
 * The app with EvidenceModule: the production bootstrap itself once the module is in CONTEXT_MODULES,
 * until then the same pipes, guards and filters with the module added through AppModule's extras.
 * Either way, closing checks that every event's actor is a verified token's.
 */
export async function startEvidenceApp(): Promise<TestApp> {
  if (CONTEXT_MODULES.includes(EvidenceModule)) return startTestApp(ENV);
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-evidence-'));
  const config = loadConfig({ LEDGER_STORE: 'memory', LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', ...ENV });
  const clock = new ManualClock(new Date('2022-11-21T12:00:00Z'));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock, [EvidenceModule]), new FastifyAdapter(), { logger: false });
  app.useGlobalPipes(validationPipe());
  setupOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const store = app.get<EventStore>(EVENT_STORE);
  const verifier = app.get(TokenVerifier);
  const verified: Actor[] = [];
  const verify = verifier.verify.bind(verifier);
  verifier.verify = async (token) => { const actor = await verify(token); verified.push(actor); return actor; };
  return {
    app, config, clock, store,
    token: (claims = {}) => mintDevToken(config, { ...businessManager, ...claims }),
    async close() {
      const strangers = (await store.readAll()).map((e) => e.metadata.actor).filter((a) => !verified.some((v) => v.userId === a.userId && (a.onBehalfOf ? true : v.role === a.role && v.agency === a.agency)));
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (strangers.length) throw new Error(`Events whose actor is no token's: ${JSON.stringify(strangers.slice(0, 3))}`);
    },
  };
}

export const SCOPE = { from: '2022-04-01', to: '2023-03-31', boardIds: [], partnerIds: [], themes: [], records: ['decisions', 'actions', 'escalations', 'funding'] };
export const inspectorClaims = { userId: 'ofsted-hmi-jones', role: 'inspector' as const, agency: 'ofsted' };

export async function get(t: TestApp, url: string, token?: string) {
  return send(t, url, undefined, { method: 'GET', token: token ?? await t.token() });
}

/** Polls the status endpoint (the job runs in the background) until the pack is built or failed. */
export async function waitForBuild(t: TestApp, packId: string): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  for (let i = 0; i < 600; i++) {
    const res = await get(t, `/evidence-packs/${packId}`);
    if (res.body?.status === 'completed' || res.body?.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Evidence pack ${packId} was not built in time`);
}

async function download(t: TestApp, packId: string, token: string) {
  const res = await t.app.inject({ method: 'GET', url: `/evidence-packs/${packId}/download`, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, body: res.headers['content-type']?.toString().includes('json') ? res.json() : undefined };
}

describe('evidence packs: request, build, grant, download, revoke, expire (e2e)', () => {
  let t: TestApp;
  let inspector: string;
  beforeAll(async () => {
    t = await startEvidenceApp();
    await loadDemo(t.app);
    inspector = await t.token(inspectorClaims);
  }, 120_000);
  afterAll(async () => { await t.close(); });

  it('queues a request (202), builds it in the background and reports the root hash and files', async () => {
    const res = await send(t, '/evidence-packs', { packId: 'jtai-2022', scope: { ...SCOPE, themes: ['exploitation'] } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ packId: 'jtai-2022', status: 'queued', revision: 0 });
    const pack = await waitForBuild(t, 'jtai-2022');
    expect(pack).toMatchObject({
      packId: 'jtai-2022', status: 'completed', progress: { phase: 'done' }, failure: null,
      requestedBy: { userId: businessManager.userId, role: 'business-manager' },
      scope: { from: '2022-04-01', to: '2023-03-31', themes: ['exploitation'] },
      rootHash: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: expect.any(Number),
    });
    expect(pack.files.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['events.ndjson', 'summary.pdf']));
    const types = (await t.store.readStream('evidencepack-jtai-2022')).map((e) => e.type);
    expect(types).toEqual(['evidence-pack-requested', 'evidence-pack-generation-started', 'evidence-pack-generation-completed']);
  }, 60_000);

  it('shows an inspector with no grant nothing: 404 on status, download and access log, an empty list', async () => {
    const before = await eventCount(t);
    expectProblem(await get(t, '/evidence-packs/jtai-2022', inspector), 404, 'evidence-pack-not-found');
    expectProblem(await download(t, 'jtai-2022', inspector), 404, 'evidence-pack-not-found');
    expectProblem(await get(t, '/evidence-packs/jtai-2022/access-log', inspector), 404, 'evidence-pack-not-found');
    expect((await get(t, '/evidence-packs', inspector)).body).toEqual({ items: [], nextCursor: null });
    expect(await eventCount(t)).toBe(before);
  });

  it('grants the named inspector access; they list it, download the ZIP and the download is recorded first', async () => {
    const granted = await send(t, '/evidence-packs/jtai-2022/grants', { inspectorUserId: inspectorClaims.userId, expiresAt: '2022-12-01T17:00:00Z' });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ events: ['evidence-pack-access-granted'] });
    const list = await get(t, '/evidence-packs', inspector);
    expect(list.body.items.map((p: { packId: string }) => p.packId)).toEqual(['jtai-2022']);
    expect(list.body.items[0].grants).toEqual([{ inspectorUserId: inspectorClaims.userId, expiresAt: '2022-12-01T17:00:00.000Z', active: true, revoked: false }]);
    const zip = await download(t, 'jtai-2022', inspector);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.raw.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.raw.length).toBe((await get(t, '/evidence-packs/jtai-2022')).body.bytes);
  });

  it('shows in the access log the request, the grant and the download, with who and when', async () => {
    const log = await get(t, '/evidence-packs/jtai-2022/access-log', inspector);
    expect(log.status).toBe(200);
    expect(log.body.entries.map((e: { action: string; by: { userId: string } }) => [e.action, e.by.userId])).toEqual([
      ['requested', businessManager.userId], ['granted', businessManager.userId], ['downloaded', inspectorClaims.userId],
    ]);
    expect(log.body.entries[1]).toMatchObject({ inspectorUserId: inspectorClaims.userId, expiresAt: '2022-12-01T17:00:00.000Z', recordedAt: '2022-11-21T12:00:00.000Z' });
    const dpo = await t.token({ userId: 'dpo-1', role: 'data-protection-officer', agency: 'warwickshire-county-council' });
    expect((await get(t, '/evidence-packs/jtai-2022/access-log', dpo)).body.entries).toHaveLength(3);
  });

  it('refuses to grant the same inspector again while the grant is active (extend = revoke + grant), writing nothing', async () => {
    const before = await eventCount(t);
    expectProblem(await send(t, '/evidence-packs/jtai-2022/grants', { inspectorUserId: inspectorClaims.userId, expiresAt: '2023-01-31T17:00:00Z' }), 409, 'grant-already-active');
    expect(await eventCount(t)).toBe(before);
  });

  it('after revocation the inspector gets 404 on status, download and access log, and an empty list', async () => {
    const revoked = await send(t, `/evidence-packs/jtai-2022/grants/${inspectorClaims.userId}/revoke`, { reason: 'Fieldwork finished' });
    expect(revoked.status).toBe(200);
    expectProblem(await get(t, '/evidence-packs/jtai-2022', inspector), 404, 'evidence-pack-not-found');
    expectProblem(await download(t, 'jtai-2022', inspector), 404, 'evidence-pack-not-found');
    expectProblem(await get(t, '/evidence-packs/jtai-2022/access-log', inspector), 404, 'evidence-pack-not-found');
    expect((await get(t, '/evidence-packs', inspector)).body.items).toEqual([]);
    const log = await get(t, '/evidence-packs/jtai-2022/access-log');
    expect(log.body.entries.at(-1)).toMatchObject({ action: 'revoked', inspectorUserId: inspectorClaims.userId, reason: 'Fieldwork finished', by: { userId: businessManager.userId } });
    expectProblem(await send(t, `/evidence-packs/jtai-2022/grants/${inspectorClaims.userId}/revoke`, { reason: 'again' }), 409, 'no-active-grant');
  });

  it('an expired grant denies: moving the clock past expiry hides the pack again', async () => {
    await send(t, '/evidence-packs/jtai-2022/grants', { inspectorUserId: inspectorClaims.userId, expiresAt: '2022-11-22T12:00:00Z' });
    expect((await get(t, '/evidence-packs/jtai-2022', inspector)).status).toBe(200);
    t.clock.set('2022-11-22T12:00:00Z');
    try {
      expectProblem(await get(t, '/evidence-packs/jtai-2022', inspector), 404, 'evidence-pack-not-found');
      expectProblem(await download(t, 'jtai-2022', inspector), 404, 'evidence-pack-not-found');
      expect((await get(t, '/evidence-packs', inspector)).body.items).toEqual([]);
      // Expired, so there is nothing to revoke; a new grant is allowed.
      expectProblem(await send(t, `/evidence-packs/jtai-2022/grants/${inspectorClaims.userId}/revoke`, { reason: 'tidy' }), 409, 'no-active-grant');
      expectProblem(await send(t, '/evidence-packs/jtai-2022/grants', { inspectorUserId: inspectorClaims.userId, expiresAt: '2022-11-22T11:00:00Z' }), 422, 'grant-expiry-not-in-future');
    } finally {
      t.clock.set('2022-11-21T12:00:00Z');
    }
  });

  it('lets a requester download any pack, and another inspector never sees one granted to someone else', async () => {
    const zip = await download(t, 'jtai-2022', await t.token());
    expect(zip.raw.subarray(0, 2).toString('latin1')).toBe('PK');
    const other = await t.token({ ...inspectorClaims, userId: 'cqc-inspector-2', agency: 'cqc' });
    await send(t, '/evidence-packs/jtai-2022/grants', { inspectorUserId: inspectorClaims.userId, expiresAt: '2022-12-01T17:00:00Z' });
    expectProblem(await get(t, '/evidence-packs/jtai-2022', other), 404, 'evidence-pack-not-found');
    expect((await get(t, '/evidence-packs', other)).body.items).toEqual([]);
  });
});
