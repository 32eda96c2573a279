import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenClaims } from '../../src/auth/mint-token';
import { openZip, readEntryText, verifyPack } from '../../src/evidence';
import { eventCount, expectProblem, send } from '../support/http';
import { asOfSuite } from './support/as-of-suite';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * Issue 16, traceability: actions, decisions and sign-offs cite the case review (or its
 * recommendation) they serve, and one request gives an inspector the review's whole chain, from
 * the National Panel notification to the briefing, with actors and dates, live and as of a past date.
 */
let t: ProjectionsTestApp;
const { get, on, partnership, meetingWithItem } = asOfSuite(() => t, '10');
const chair: Partial<TokenClaims> = { userId: 'chair-1', role: 'chair' };
const ID = 'wsp-cspr-2021-01';
const CR = `/case-reviews/${ID}`;
const H1 = 'a'.repeat(64);
const PARTNERS = ['wcc', 'police', 'icb'];
const recommendation = { kind: 'case-review-recommendation', id: 'r1', parentId: ID };
const action = (actionId: string, serves: object[]) => ({
  actionId,
  meetingId: 'wseb-2022-05-10',
  itemNumber: 1,
  text: 'Agree one multi-agency chronology template',
  owners: [{ kind: 'team', name: 'WS Business Team' }],
  dueDate: '2022-09-30',
  serves,
});

beforeAll(async () => {
  t = await startProjectionsApp({});
  await partnership(
    '2021-01-04',
    [
      ['wcc', 'local-authority'],
      ['police', 'police'],
      ['icb', 'health'],
    ],
    { boardId: 'wseb', name: 'Executive' },
  );
  await meetingWithItem(
    '2021-01-04',
    { meetingId: 'wseb-2022-05-10', boardId: 'wseb', scheduledFor: '2022-05-10T10:00:00Z' },
    { itemNumber: 1, title: 'CSPR' },
  );
  await on('2021-02-01', 'opened', '/case-reviews', {
    caseReviewId: ID,
    type: 'rapid-review',
    title: 'Child M',
    awareOn: '2021-02-01',
  });
  await on('2021-02-04', 'notified', `${CR}/national-panel-notification`, { notifiedOn: '2021-02-04' });
  await on('2021-02-19', 'rapid', `${CR}/rapid-review`, {
    completedOn: '2021-02-19',
    outcome: 'Learning on information sharing',
    recommendsCspr: true,
  });
  await on('2021-03-10', 'panel', `${CR}/panel-responses`, {
    respondedOn: '2021-03-10',
    response: 'agrees',
    summary: 'The Panel agreed a CSPR',
  });
  await on('2021-03-15', 'commissioned', `${CR}/commissioning-decision`, {
    decidedOn: '2021-03-15',
    commission: true,
    reasons: 'National learning likely',
  });
  await on('2021-04-01', 'reviewer', `${CR}/reviewer`, {
    appointedOn: '2021-04-01',
    reviewer: 'Independent reviewer',
    termsOfReference: 'ToR v1',
  });
  await on('2022-03-01', 'draft', `${CR}/drafts`, { version: 'v1', receivedOn: '2022-03-01', contentHash: H1 });
  await on('2022-05-10', 'decision', '/decisions', {
    decisionId: 'wseb-2022-05-10-d1',
    meetingId: 'wseb-2022-05-10',
    itemNumber: 1,
    outcome: 'approved',
    text: 'CSPR report approved for sign-off',
    serves: [{ kind: 'case-review', id: ID }],
  });
  await on('2022-05-10', 'signoff', '/signoffs', {
    signoffId: 'cspr-2021-01-report',
    artefact: { artefactId: ID, kind: 'report', title: 'CSPR report', version: 'v1', contentHash: H1 },
    requiredPartnerIds: PARTNERS,
    serves: [{ kind: 'case-review', id: ID }],
  });
  await on('2022-05-10', 'linked', `${CR}/signoffs`, { signoffId: 'cspr-2021-01-report' });
  for (const partnerId of PARTNERS)
    await on('2022-05-17', `signed-${partnerId}`, '/signoffs/cspr-2021-01-report/sign', { partnerId }, chair);
  await on('2022-05-20', 'published', `${CR}/publication`, {
    publishedOn: '2022-05-20',
    signoffId: 'cspr-2021-01-report',
  });
  await on('2022-05-20', 'r1', `${CR}/findings`, { findingId: 'r1', kind: 'recommendation', text: 'One chronology' });
  await on('2022-05-21', 'a1', '/actions', action('cspr-r1-chronology', [recommendation]));
  await on('2022-06-01', 'a1-progress', '/actions/cspr-r1-chronology/progress', { note: 'Template drafted' });
  await on('2022-07-01', 'a1-done', '/actions/cspr-r1-chronology/complete', {});
  // Records outside the chain: another review, and an action that cites nothing.
  await on('2022-05-21', 'other-review', '/case-reviews', {
    caseReviewId: 'wsp-rr-2022-09',
    type: 'rapid-review',
    title: 'Child N',
    awareOn: '2022-05-21',
  });
  await on('2022-05-21', 'other-action', '/actions', action('wseb-2022-05-10-a2', []));
  await on('2022-07-05', 'briefing', `${CR}/briefings`, { briefingId: 'b1', format: '7-minute', title: '7MB' });
  await on('2022-07-12', 'briefing-out', `${CR}/briefings/b1/publication`, {
    publishedOn: '2022-07-12',
    disseminatedTo: ['WSEB members'],
  });
});
afterAll(() => t.close());

type Step = { stage: string; type: string; recordId: string; occurredAt: string; actor: { userId: string } };
const stages = (steps: Step[]) => steps.map((s) => `${s.stage}:${s.type}`);

describe('case review chain (e2e)', () => {
  it('gives the whole chain in stage order, each step with its actor and dates', async () => {
    const res = await get(`${CR}/chain`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseReviewId: ID, title: 'Child M', type: 'cspr' });
    expect(stages(res.body.steps)).toEqual([
      'opened:case-review-opened',
      'notification:national-panel-notified',
      'rapid-review:rapid-review-completed',
      'panel-response:panel-response-recorded',
      'commissioning:review-commissioning-decided',
      'reviewer:reviewer-appointed',
      'draft:review-draft-received',
      'decision:decision-recorded',
      'sign-off:signoff-requested',
      'sign-off:signoff-signed',
      'sign-off:signoff-signed',
      'sign-off:signoff-signed',
      'sign-off:signoff-completed',
      'sign-off:review-signoff-linked',
      'publication:review-published',
      'finding:review-finding-recorded',
      'action:action-raised',
      'action:action-progress-noted',
      'action:action-completed',
      'briefing:learning-briefing-drafted',
      'briefing:learning-briefing-published',
    ]);
    const signed = (res.body.steps as Step[]).find((s) => s.type === 'signoff-signed')!;
    expect(signed).toMatchObject({ recordId: 'cspr-2021-01-report', occurredAt: '2022-05-17T10:00:00.000Z' });
    expect(signed.actor.userId).toBe('chair-1');
    expect((res.body.steps as Step[]).find((s) => s.type === 'action-completed')).toMatchObject({
      recordId: 'cspr-r1-chronology',
      occurredAt: '2022-07-01T10:00:00.000Z',
    });
  });

  it('shows on the register what cites the review', async () => {
    const res = await get(CR);
    expect(res.body.citedBy.map((c: { kind: string; id: string }) => `${c.kind}:${c.id}`)).toEqual([
      'decision:wseb-2022-05-10-d1',
      'signoff:cspr-2021-01-report',
      'action:cspr-r1-chronology',
    ]);
  });

  it('answers the chain as known at a past date: nothing recorded later', async () => {
    const res = await get(`/as-of${CR}/chain?knownAt=2022-05-18`);
    expect(res.status).toBe(200);
    const seen = stages(res.body.steps);
    expect(seen).toContain('sign-off:signoff-completed');
    expect(seen).not.toContain('publication:review-published');
    expect(seen.filter((s) => s.startsWith('action:'))).toEqual([]);
    expect(res.body.asOf).toMatchObject({ basis: 'recorded' });
    expectProblem(await get(`/as-of${CR}/chain?knownAt=2021-01-10`), 404, 'case-review-not-found');
  });

  it('refuses a citation of a missing recommendation (422) or of the wrong shape (400), writing nothing', async () => {
    const before = await eventCount(t);
    const missing = { ...recommendation, id: 'r9' };
    expectProblem(await send(t, '/actions', action('a-x', [missing])), 422, 'served-record-not-found');
    expectProblem(
      await send(t, '/actions', action('a-y', [{ kind: 'case-review-finding', id: 'r1' }])),
      400,
      'validation-failed',
    );
    expectProblem(
      await send(
        t,
        '/actions',
        action('a-z', [
          { kind: 'case-review', id: ID },
          { kind: 'case-review', id: ID },
        ]),
      ),
      422,
      'duplicate-served-record',
    );
    expectProblem(await get('/case-reviews/nope/chain'), 404, 'case-review-not-found');
    expect(await eventCount(t)).toBe(before);
  });

  /** Runs last: requesting and downloading the pack appends to the ledger the other tests read. */
  it('builds a pack scoped to the review that holds exactly its chain, and it verifies offline', async () => {
    const scope = { from: '2021-01-01', to: '2022-12-31', caseReviewId: ID };
    expect((await send(t, '/evidence-packs', { packId: 'jtai-cspr-2021-01', scope })).status).toBe(202);
    let pack: { status: string; scope: object } | undefined;
    // Polled until built, under a hang guard (2 min), not 400 polls (~10 s, which a loaded machine's build can take).
    for (const end = Date.now() + 120_000; Date.now() < end && !['completed', 'failed'].includes(pack?.status ?? '');) {
      await new Promise((r) => setTimeout(r, 25));
      pack = (await get('/evidence-packs/jtai-cspr-2021-01')).body as typeof pack;
    }
    expect(pack).toMatchObject({ status: 'completed', scope: { ...scope, records: ['case-reviews'] } });
    const inspector = { userId: 'ofsted-hmi-1', role: 'inspector' as const, agency: 'ofsted' };
    const grant = { inspectorUserId: inspector.userId, expiresAt: '2023-01-31T17:00:00Z' };
    expect((await send(t, '/evidence-packs/jtai-cspr-2021-01/grants', grant)).status).toBe(200);
    const zip = await t.app.inject({
      method: 'GET',
      url: '/evidence-packs/jtai-cspr-2021-01/download',
      headers: { authorization: `Bearer ${await t.token(inspector)}` },
    });
    expect(zip.statusCode).toBe(200);
    const file = join(t.config.dataDir, 'jtai-cspr-2021-01.zip');
    writeFileSync(file, zip.rawPayload);

    const { zip: opened, entries } = await openZip(file);
    const events = (await readEntryText(opened, entries.get('events.ndjson')!, 2 ** 20)).toString('utf8');
    const streams = new Set(
      events
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { streamId: string }).streamId),
    );
    expect([...streams].sort()).toEqual([
      `action-cspr-r1-chronology`,
      `casereview-${ID}`,
      'decision-wseb-2022-05-10-d1',
      'signoff-cspr-2021-01-report',
    ]);
    expect(await verifyPack(file)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a case review pack with another kind of record or a filter (400/422), writing nothing', async () => {
    const before = await eventCount(t);
    const scope = { from: '2021-01-01', to: '2022-12-31', caseReviewId: ID };
    const refused = async (extra: object) =>
      send(t, '/evidence-packs', { packId: 'p-x', scope: { ...scope, ...extra } });
    expectProblem(await refused({ records: ['actions'] }), 422, 'invalid-pack-scope');
    expectProblem(await refused({ partnerIds: ['wcc'] }), 422, 'invalid-pack-scope');
    expectProblem(await refused({ caseReviewId: 'Child M' }), 400, 'validation-failed');
    expectProblem(
      await send(t, '/evidence-packs', { packId: 'p-y', scope: { from: '2021-01-01', to: '2022-12-31' } }),
      400,
      'validation-failed',
    );
    expect(await eventCount(t)).toBe(before);
  });
});
