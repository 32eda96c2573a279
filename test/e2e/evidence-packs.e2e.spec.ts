import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemo } from '../../demo/load/load-demo';
import { PackJobRunner } from '../../src/evidence';
import { eventCount, expectProblem, send } from '../support/http';
import { businessManager, startTestApp, type TestApp } from '../support/test-app';
import { FINANCIAL_YEAR_2022_23 as SCOPE } from '../evidence/support/pack-files';

const ENV = { DIGEST_INTERVAL_MINUTES: '0' };
/** EvidenceModule is one of the app's context modules: the production bootstrap serves it; closing checks every event's actor is a verified token's. */
const startEvidenceApp = (env: Record<string, string> = {}) => startTestApp({ ...ENV, ...env });

const inspectorClaims = { userId: 'ofsted-hmi-jones', role: 'inspector' as const, agency: 'ofsted' };
const get = async (t: TestApp, url: string, token?: string) =>
  send(t, url, undefined, { method: 'GET', token: token ?? (await t.token()) });

/**
 * Polls the status endpoint (the job runs in the background) until the pack is built or failed, under
 * a hang guard (2 min), not a count of polls: a loaded machine's build is slower, not wrong.
 */
async function waitForBuild(t: TestApp, packId: string): Promise<{ status: string; files: { name: string }[] }> {
  for (const end = Date.now() + 120_000; Date.now() < end;) {
    const { body } = await get(t, `/evidence-packs/${packId}`);
    if (body?.status === 'completed' || body?.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Evidence pack ${packId} was not built in time`);
}

async function download(t: TestApp, packId: string, token: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/evidence-packs/${packId}/download`,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    raw: res.rawPayload,
    body: res.headers['content-type']?.toString().includes('json') ? res.json() : undefined,
  };
}

describe('evidence packs: request, build, grant, download, revoke, expire (e2e)', () => {
  let t: TestApp, inspector: string;
  beforeAll(async () => {
    t = await startEvidenceApp();
    await loadDemo(t.app);
    inspector = await t.token(inspectorClaims);
  });
  afterAll(async () => {
    await t.close();
  });

  it('queues a request (202), builds it in the background and reports the root hash and files', async () => {
    const res = await send(t, '/evidence-packs', {
      packId: 'jtai-2022',
      scope: { ...SCOPE, themes: ['exploitation'] },
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ packId: 'jtai-2022', status: 'queued', revision: 0 });
    const pack = await waitForBuild(t, 'jtai-2022');
    expect(pack).toMatchObject({
      packId: 'jtai-2022',
      status: 'completed',
      progress: { phase: 'done' },
      failure: null,
      requestedBy: { userId: businessManager.userId, role: 'business-manager' },
      scope: { from: '2022-04-01', to: '2023-03-31', themes: ['exploitation'] },
      rootHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      bytes: expect.any(Number),
    });
    expect(pack.files.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining(['events.ndjson', 'summary.pdf']),
    );
    const types = (await t.store.readStream('evidencepack-jtai-2022')).map((e) => e.type);
    expect(types).toEqual([
      'evidence-pack-requested',
      'evidence-pack-generation-started',
      'evidence-pack-generation-completed',
    ]);
  });

  it('shows an inspector with no grant nothing: 404 on status, download and access log, an empty list', async () => {
    const before = await eventCount(t);
    expectProblem(await get(t, '/evidence-packs/jtai-2022', inspector), 404, 'evidence-pack-not-found');
    expectProblem(await download(t, 'jtai-2022', inspector), 404, 'evidence-pack-not-found');
    expectProblem(await get(t, '/evidence-packs/jtai-2022/access-log', inspector), 404, 'evidence-pack-not-found');
    expect((await get(t, '/evidence-packs', inspector)).body).toEqual({ items: [], nextCursor: null });
    expect(await eventCount(t)).toBe(before);
  });

  it('grants the named inspector access; they list it, download the ZIP and the download is recorded first', async () => {
    const granted = await send(t, '/evidence-packs/jtai-2022/grants', {
      inspectorUserId: inspectorClaims.userId,
      expiresAt: '2022-12-01T17:00:00Z',
    });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ events: ['evidence-pack-access-granted'] });
    const list = await get(t, '/evidence-packs', inspector);
    expect(list.body.items.map((p: { packId: string }) => p.packId)).toEqual(['jtai-2022']);
    expect(list.body.items[0].grants).toEqual([
      { inspectorUserId: inspectorClaims.userId, expiresAt: '2022-12-01T17:00:00.000Z', active: true, revoked: false },
    ]);
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
      ['requested', businessManager.userId],
      ['granted', businessManager.userId],
      ['downloaded', inspectorClaims.userId],
    ]);
    expect(log.body.entries[1]).toMatchObject({
      inspectorUserId: inspectorClaims.userId,
      expiresAt: '2022-12-01T17:00:00.000Z',
      recordedAt: '2022-11-21T12:00:00.000Z',
    });
    const dpo = await t.token({
      userId: 'dpo-1',
      role: 'data-protection-officer',
      agency: 'warwickshire-county-council',
    });
    expect((await get(t, '/evidence-packs/jtai-2022/access-log', dpo)).body.entries).toHaveLength(3);
  });

  it('names who, what and when in the access log as histories do (type, actor, occurredAt, recordedAt); the old action and by stay one release, flagged by a Deprecation header', async () => {
    const log = await get(t, '/evidence-packs/jtai-2022/access-log', inspector);
    expect(log.body.entries.map((e: { type: string; actor: { userId: string } }) => [e.type, e.actor.userId])).toEqual([
      ['evidence-pack-requested', businessManager.userId],
      ['evidence-pack-access-granted', businessManager.userId],
      ['evidence-pack-downloaded', inspectorClaims.userId],
    ]);
    expect(log.body.entries[2]).toMatchObject({
      actor: { userId: inspectorClaims.userId, role: 'inspector' },
      by: { userId: inspectorClaims.userId, role: 'inspector' },
      action: 'downloaded',
      occurredAt: expect.any(String),
      recordedAt: expect.any(String),
    });
    expect(log.headers.deprecation).toMatch(/^@\d+$/);
    expect(log.headers.link).toContain('rel="deprecation"');
    // Responses that carry no deprecated name say nothing of it.
    expect((await get(t, '/evidence-packs/jtai-2022', inspector)).headers.deprecation).toBeUndefined();
  });

  it('refuses to grant the same inspector again while the grant is active (extending is its own request), writing nothing', async () => {
    const before = await eventCount(t);
    expectProblem(
      await send(t, '/evidence-packs/jtai-2022/grants', {
        inspectorUserId: inspectorClaims.userId,
        expiresAt: '2023-01-31T17:00:00Z',
      }),
      409,
      'grant-already-active',
    );
    expect(await eventCount(t)).toBe(before);
  });

  it('extends an active grant: the inspector keeps access, the list shows the new expiry, the access log the revoke and grant', async () => {
    const extended = await send(t, `/evidence-packs/jtai-2022/grants/${inspectorClaims.userId}/extension`, {
      expiresAt: '2023-01-31T17:00:00Z',
      reason: 'Fieldwork extended to the end of January',
    });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ events: ['evidence-pack-access-revoked', 'evidence-pack-access-granted'] });
    expect((await get(t, '/evidence-packs', inspector)).body.items[0].grants).toEqual([
      { inspectorUserId: inspectorClaims.userId, expiresAt: '2023-01-31T17:00:00.000Z', active: true, revoked: false },
    ]);
    const log = await get(t, '/evidence-packs/jtai-2022/access-log', inspector);
    expect(log.body.entries.slice(-2)).toMatchObject([
      { action: 'revoked', reason: 'Fieldwork extended to the end of January', by: { userId: businessManager.userId } },
      { action: 'granted', expiresAt: '2023-01-31T17:00:00.000Z', by: { userId: businessManager.userId } },
    ]);
  });

  it('after revocation the inspector gets 404 on status, download and access log, and an empty list', async () => {
    const revoked = await send(t, `/evidence-packs/jtai-2022/grants/${inspectorClaims.userId}/revoke`, {
      reason: 'Fieldwork finished',
    });
    expect(revoked.status).toBe(200);
    expectProblem(await get(t, '/evidence-packs/jtai-2022', inspector), 404, 'evidence-pack-not-found');
    expectProblem(await download(t, 'jtai-2022', inspector), 404, 'evidence-pack-not-found');
    expectProblem(await get(t, '/evidence-packs/jtai-2022/access-log', inspector), 404, 'evidence-pack-not-found');
    expect((await get(t, '/evidence-packs', inspector)).body.items).toEqual([]);
    const log = await get(t, '/evidence-packs/jtai-2022/access-log');
    expect(log.body.entries.at(-1)).toMatchObject({
      action: 'revoked',
      inspectorUserId: inspectorClaims.userId,
      reason: 'Fieldwork finished',
      by: { userId: businessManager.userId },
    });
    expectProblem(
      await send(t, `/evidence-packs/jtai-2022/grants/${inspectorClaims.userId}/revoke`, { reason: 'again' }),
      409,
      'no-active-grant',
    );
  });

  it('an expired grant denies: moving the clock past expiry hides the pack again', async () => {
    await send(t, '/evidence-packs/jtai-2022/grants', {
      inspectorUserId: inspectorClaims.userId,
      expiresAt: '2022-11-22T12:00:00Z',
    });
    expect((await get(t, '/evidence-packs/jtai-2022', inspector)).status).toBe(200);
    t.clock.set('2022-11-22T12:00:00Z');
    try {
      expectProblem(await get(t, '/evidence-packs/jtai-2022', inspector), 404, 'evidence-pack-not-found');
      expectProblem(await download(t, 'jtai-2022', inspector), 404, 'evidence-pack-not-found');
      expect((await get(t, '/evidence-packs', inspector)).body.items).toEqual([]);
      // Expired, so there is nothing to revoke; a new grant is allowed.
      expectProblem(
        await send(t, `/evidence-packs/jtai-2022/grants/${inspectorClaims.userId}/revoke`, { reason: 'tidy' }),
        409,
        'no-active-grant',
      );
      expectProblem(
        await send(t, '/evidence-packs/jtai-2022/grants', {
          inspectorUserId: inspectorClaims.userId,
          expiresAt: '2022-11-22T11:00:00Z',
        }),
        422,
        'grant-expiry-not-in-future',
      );
    } finally {
      t.clock.set('2022-11-21T12:00:00Z');
    }
  });

  it('lets a requester download any pack, and another inspector never sees one granted to someone else', async () => {
    const zip = await download(t, 'jtai-2022', await t.token());
    expect(zip.raw.subarray(0, 2).toString('latin1')).toBe('PK');
    const other = await t.token({ ...inspectorClaims, userId: 'cqc-inspector-2', agency: 'cqc' });
    await send(t, '/evidence-packs/jtai-2022/grants', {
      inspectorUserId: inspectorClaims.userId,
      expiresAt: '2022-12-01T17:00:00Z',
    });
    expectProblem(await get(t, '/evidence-packs/jtai-2022', other), 404, 'evidence-pack-not-found');
    expect((await get(t, '/evidence-packs', other)).body.items).toEqual([]);
  });
});

describe('evidence packs: refusals, preconditions, retries and paging (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startEvidenceApp();
    await send(t, '/evidence-packs', { packId: 'built', scope: SCOPE }).then(() => waitForBuild(t, 'built'));
  });
  afterAll(async () => {
    await t.close();
  });

  // Rows are [title, url, body, status, code, fields named]; fields is [] where there is no field list.
  const refusals: [string, string, unknown, number, string, string[]][] = [
    ['request: empty body', '/evidence-packs', {}, 400, 'validation-failed', ['packId', 'scope']],
    [
      'request: bad id, dates, kinds, ids and themes',
      '/evidence-packs',
      {
        packId: 'Not A Slug',
        extra: 1,
        scope: {
          from: '2022-02-30',
          to: '2023-03-31T00:00:00Z',
          boardIds: ['WSEB'],
          partnerIds: 'police',
          themes: ['x'.repeat(81), ...Array(20).fill('t')],
          records: ['minutes'],
        },
      },
      400,
      'validation-failed',
      [
        'extra',
        'packId',
        'scope.boardIds',
        'scope.from',
        'scope.partnerIds',
        'scope.records',
        'scope.themes',
        'scope.to',
      ],
    ],
    [
      'request: no record kinds',
      '/evidence-packs',
      { packId: 'p1', scope: { ...SCOPE, records: [] } },
      400,
      'validation-failed',
      ['scope.records'],
    ],
    [
      'request: period reversed',
      '/evidence-packs',
      { packId: 'p1', scope: { ...SCOPE, from: '2023-04-01' } },
      422,
      'scope-period-reversed',
      [],
    ],
    ['request: the same pack again', '/evidence-packs', { packId: 'built', scope: SCOPE }, 409, 'pack-exists', []],
    [
      'grant: missing fields',
      '/evidence-packs/built/grants',
      { inspectorUserId: 'Jones', expiresAt: 'next week' },
      400,
      'validation-failed',
      ['expiresAt', 'inspectorUserId'],
    ],
    [
      'grant: expiry in the past',
      '/evidence-packs/built/grants',
      { inspectorUserId: 'hmi-1', expiresAt: '2022-11-01T00:00:00Z' },
      422,
      'grant-expiry-not-in-future',
      [],
    ],
    [
      'grant: no such pack',
      '/evidence-packs/nope/grants',
      { inspectorUserId: 'hmi-1', expiresAt: '2022-12-01T00:00:00Z' },
      404,
      'evidence-pack-not-found',
      [],
    ],
    ['revoke: no reason', '/evidence-packs/built/grants/hmi-1/revoke', {}, 400, 'validation-failed', ['reason']],
    ['revoke: no grant', '/evidence-packs/built/grants/hmi-1/revoke', { reason: 'done' }, 409, 'no-active-grant', []],
  ];
  it.each(refusals)('%s: refused with the stable code, nothing written', async (_, url, body, status, code, fields) => {
    const before = await eventCount(t);
    const res = await send(t, url, body);
    expectProblem(res, status, code);
    if (fields.length) expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
    expect(await eventCount(t)).toBe(before);
  });

  it('answers 409 pack-not-completed to a grant or download before the build finishes, writing nothing', async () => {
    // Hold the job runner so the pack stays queued, then let it go: it builds what is waiting.
    const jobs = t.app.get(PackJobRunner);
    await jobs.stop();
    try {
      expect((await send(t, '/evidence-packs', { packId: 'unbuilt', scope: SCOPE })).status).toBe(202);
      expect((await get(t, '/evidence-packs?status=queued')).body.items).toMatchObject([
        { packId: 'unbuilt', status: 'queued', progress: null, rootHash: null },
      ]);
      const before = await eventCount(t);
      expectProblem(
        await send(t, '/evidence-packs/unbuilt/grants', {
          inspectorUserId: 'hmi-1',
          expiresAt: '2022-12-01T00:00:00Z',
        }),
        409,
        'pack-not-completed',
      );
      expectProblem(await download(t, 'unbuilt', await t.token()), 409, 'pack-not-completed');
      expect(await eventCount(t)).toBe(before);
    } finally {
      jobs.start();
    }
    expect(await waitForBuild(t, 'unbuilt')).toMatchObject({ status: 'completed' });
  });

  it('refuses roles without the permission (403) and hides packs from roles that pass the gate but may not see them (404)', async () => {
    const member = await t.token({ userId: 'pete-hill', role: 'member', agency: 'warwickshire-police' });
    const inspector = await t.token(inspectorClaims);
    const before = await eventCount(t);
    for (const [url, body] of [
      ['/evidence-packs', { packId: 'm1', scope: SCOPE }],
      ['/evidence-packs/built/grants', { inspectorUserId: 'hmi-1', expiresAt: '2022-12-01T00:00:00Z' }],
      ['/evidence-packs/built/grants/hmi-1/revoke', { reason: 'x' }],
    ] as const) {
      expectProblem(await send(t, url, body, { token: member }), 403);
      expectProblem(await send(t, url, body, { token: inspector }), 403);
    }
    for (const url of [
      '/evidence-packs',
      '/evidence-packs/built',
      '/evidence-packs/built/download',
      '/evidence-packs/built/access-log',
    ])
      expectProblem(await get(t, url, member), 403);
    const dpo = await t.token({
      userId: 'dpo-1',
      role: 'data-protection-officer',
      agency: 'warwickshire-county-council',
    });
    expectProblem(await get(t, '/evidence-packs/built', dpo), 404, 'evidence-pack-not-found');
    expectProblem(await download(t, 'built', dpo), 404, 'evidence-pack-not-found');
    expect(await eventCount(t)).toBe(before);
  });

  it('answers 412 to a stale If-Match on every command, writing nothing', async () => {
    const before = await eventCount(t);
    expectProblem(await send(t, '/evidence-packs', { packId: 'p412', scope: SCOPE }, { ifMatch: '"3"' }), 412);
    expectProblem(
      await send(
        t,
        '/evidence-packs/built/grants',
        { inspectorUserId: 'hmi-1', expiresAt: '2022-12-01T00:00:00Z' },
        { ifMatch: '"0"' },
      ),
      412,
    );
    await send(t, '/evidence-packs/built/grants', { inspectorUserId: 'hmi-2', expiresAt: '2022-12-01T00:00:00Z' });
    expectProblem(await send(t, '/evidence-packs/built/grants/hmi-2/revoke', { reason: 'x' }, { ifMatch: '"1"' }), 412);
    expect(await eventCount(t)).toBe(before + 1);
  });

  it('replays a retried request with the same Idempotency-Key: same answer, one request, one build', async () => {
    const body = { packId: 'retried', scope: SCOPE };
    const first = await send(t, '/evidence-packs', body, { idempotencyKey: 'req-retried-1' });
    const again = await send(t, '/evidence-packs', body, { idempotencyKey: 'req-retried-1' });
    expect({ status: again.status, body: again.body, replay: again.headers['idempotent-replay'] }).toEqual({
      status: 202,
      body: first.body,
      replay: 'true',
    });
    await waitForBuild(t, 'retried');
    const types = (await t.store.readStream('evidencepack-retried')).map((e) => e.type);
    expect(types).toEqual([
      'evidence-pack-requested',
      'evidence-pack-generation-started',
      'evidence-pack-generation-completed',
    ]);
    const grant = { inspectorUserId: 'hmi-3', expiresAt: '2022-12-01T00:00:00Z' };
    const g1 = await send(t, '/evidence-packs/retried/grants', grant, { idempotencyKey: 'grant-1' });
    const g2 = await send(t, '/evidence-packs/retried/grants', grant, { idempotencyKey: 'grant-1' });
    const r1 = await send(
      t,
      '/evidence-packs/retried/grants/hmi-3/revoke',
      { reason: 'done' },
      { idempotencyKey: 'revoke-1' },
    );
    const r2 = await send(
      t,
      '/evidence-packs/retried/grants/hmi-3/revoke',
      { reason: 'done' },
      { idempotencyKey: 'revoke-1' },
    );
    expect([g2.body, r2.body]).toEqual([g1.body, r1.body]);
    expect((await t.store.readStream('evidencepack-retried')).length).toBe(5);
  });

  it('pages the list in request order with a cursor, filters by status, and refuses a forged cursor', async () => {
    const all = (await get(t, '/evidence-packs?limit=200')).body.items.map((p: { packId: string }) => p.packId);
    expect(all).toEqual(['built', 'unbuilt', 'retried']);
    const first = await get(t, '/evidence-packs?limit=2');
    expect(first.body.items.map((p: { packId: string }) => p.packId)).toEqual(['built', 'unbuilt']);
    const second = await get(t, `/evidence-packs?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ packId: 'retried' }], nextCursor: null });
    expect((await get(t, '/evidence-packs?status=completed&limit=1')).body).toMatchObject({
      items: [{ packId: 'built' }],
      nextCursor: expect.any(String),
    });
    expect((await get(t, '/evidence-packs?status=failed')).body).toEqual({ items: [], nextCursor: null });
    expectProblem(await get(t, '/evidence-packs?cursor=bm9wZQ'), 400, 'invalid-cursor');
    expectProblem(await get(t, '/evidence-packs?limit=0&status=lost'), 400, 'validation-failed');
  });
});

describe('evidence packs: a build interrupted by a restart is queued again (e2e)', () => {
  it('finishes a pack the previous process left generating, as attempt 2', async () => {
    const env = { LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: mkdtempSync(join(tmpdir(), 'ledger-evidence-restart-')) };
    try {
      const before = await startEvidenceApp(env);
      // Stop the job runner from seeing the request, as if the process died right after 'started'.
      await before.app.get(PackJobRunner).stop();
      await send(before, '/evidence-packs', { packId: 'crashed', scope: SCOPE });
      const [requested] = await before.store.readStream('evidencepack-crashed');
      await before.store.append(
        'evidencepack-crashed',
        [
          {
            id: '8f1c8a52-5d0e-4b7a-9e55-0c1d2e3f4a5b',
            type: 'evidence-pack-generation-started',
            schemaVersion: 1,
            data: { packId: 'crashed', attempt: 1 },
            metadata: { ...requested.metadata, causationId: 'crash' },
          },
        ],
        0,
      );
      await before.close();
      const after = await startEvidenceApp(env);
      const built = await waitForBuild(after, 'crashed');
      const started = (await after.store.readStream('evidencepack-crashed')).filter(
        (e) => e.type === 'evidence-pack-generation-started',
      );
      await after.close();
      expect(built).toMatchObject({ status: 'completed' });
      expect(started.map((e) => e.data)).toEqual([
        { packId: 'crashed', attempt: 1 },
        { packId: 'crashed', attempt: 2 },
      ]);
    } finally {
      rmSync(env.LEDGER_DATA_DIR, { recursive: true, force: true });
    }
  });
});
