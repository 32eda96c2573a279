import { eventCount, expectProblem, send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { asOfSuite } from '../read-models/support/as-of-suite';
import { startListeningProjectionsApp, type ProjectionsTestApp } from '../read-models/support/projections-app';

/**
 * Partnership assurance over HTTP (issue 16 item 3): the MASH/front door audit with four partners
 * asked and three returns (75%), and the 2022 strategic thematic review whose findings went to
 * police, health and the local authority, each answering in its own plan. Written through the
 * commands on business dates, read back live, as of a past date and streamed. Illustrative: the
 * seeds give the MASH audit's themes, templates and working group but no returns; last round's 74%
 * is the figure Worcestershire's 2019 S157/175 schools audit was read against ("100% (74% last year)").
 */
let t: ProjectionsTestApp;
const { positions, get, on, partnership, meetingWithItem } = asOfSuite(() => t, '10');
const STR = '/thematic-reviews/wseb-str-2022';
const MASH = '/multi-agency-audits/mash-front-door-2022';
const PARTNERS: [string, string][] = [
  ['police', 'police'],
  ['health', 'health'],
  ['la', 'local-authority'],
  ['schools', 'education'],
];

beforeAll(async () => {
  t = await startListeningProjectionsApp();
  await partnership('2022-05-03', PARTNERS, { boardId: 'wseb', name: 'WSEB' });
  await meetingWithItem(
    '2022-09-22',
    { meetingId: 'wseb-2022-09-22', boardId: 'wseb', scheduledFor: '2022-09-22T09:30:00Z' },
    { itemNumber: 5, title: 'Thematic Review' },
    Object.fromEntries(
      ['str-police-plan', 'str-la-plan', 'mash-think-family'].map((actionId) => [
        actionId,
        { actionId, text: `Action ${actionId}`, dueDate: '2023-03-31' },
      ]),
    ),
  );
  // Recorded in date order, so the as-of answers by recording date see each step on its day.
  // The audit: agreed on 22 September 2022, four partners asked on 3 October.
  await on('2022-09-22', 'mash-opened', '/multi-agency-audits', {
    auditId: 'mash-front-door-2022',
    title: 'MASH/Front Door audit',
    openedOn: '2022-09-22',
    themes: ['Themes coming out of reviews', 'Think family'],
    templates: 'Templates designed and tailored to fit the themes coming out of reviews',
    workingGroup: 'Police, LA, Health and the front door service manager',
    previousReturnRate: 74,
    boardId: 'wseb',
  });
  // The thematic review: findings to the three statutory partners, each plan moving on its own.
  await on('2022-09-22', 'str-opened', '/thematic-reviews', {
    thematicReviewId: 'wseb-str-2022',
    title: 'Strategic Thematic Review: core safeguarding practice',
    openedOn: '2022-09-22',
    areas: ['Leadership and Accountability', 'Staff Training and Development'],
    boardId: 'wseb',
  });
  await on('2022-09-22', 'str-training', `${STR}/findings`, {
    findingId: 'training',
    text: 'Training records do not evidence core safeguarding practice',
    partnerIds: ['police', 'health', 'la'],
  });
  await on('2022-09-22', 'str-voice', `${STR}/findings`, {
    findingId: 'voice',
    text: 'The voice of the child is not recorded in decisions',
    partnerIds: ['la'],
  });
  await on('2022-10-03', 'mash-asked', `${MASH}/requests`, {
    partnerIds: PARTNERS.map(([p]) => p),
    askedOn: '2022-10-03',
    dueOn: '2022-10-31',
  });
  await on('2022-10-05', 'police-action', `${STR}/plans/police/actions`, {
    findingId: 'training',
    actionId: 'str-police-plan',
  });
  await on('2022-10-20', 'police-returned', `${MASH}/returns`, { partnerId: 'police', returnedOn: '2022-10-20' });
  await on('2022-10-24', 'health-returned', `${MASH}/returns`, { partnerId: 'health', returnedOn: '2022-10-24' });
  await on('2022-10-28', 'la-returned', `${MASH}/returns`, { partnerId: 'la', returnedOn: '2022-10-28' });
  await on('2022-11-08', 'mash-finding', `${MASH}/findings`, {
    findingId: 'think-family',
    text: "The adults' social worker in the MASH is not reflected in the front door process",
    actionIds: ['mash-think-family'],
  });
  await on('2022-11-08', 'police-agreed', `${STR}/plans/police/progress`, {
    reportedOn: '2022-11-08',
    status: 'agreed',
    summary: 'Plan presented to WSEB',
  });
  await on('2022-11-08', 'health-progress', `${STR}/plans/health/progress`, {
    reportedOn: '2022-11-08',
    status: 'in-progress',
    summary: 'Training audit under way',
  });
  await on('2023-01-10', 'la-action', `${STR}/plans/la/actions`, { findingId: 'voice', actionId: 'str-la-plan' });
  await on('2023-01-10', 'la-complete', `${STR}/plans/la/progress`, {
    reportedOn: '2023-01-10',
    status: 'complete',
    summary: 'Voice of the child embedded in the assessment template',
  });
});
afterAll(() => t.close());

describe('multi-agency audits (e2e)', () => {
  it('given four partners asked and three returns, then the audit shows 75% against last year, and what came of its finding', async () => {
    const res = await get(MASH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      returnRate: { asked: 4, returned: 3, percent: 75, previousPercent: 74 },
      themes: ['Themes coming out of reviews', 'Think family'],
      workingGroup: 'Police, LA, Health and the front door service manager',
      findings: [{ findingId: 'think-family', actionIds: ['mash-think-family'] }],
    });
    expect(res.body.partners.filter((p: { returnedOn?: string }) => !p.returnedOn)).toEqual([
      { partnerId: 'schools', askedOn: '2022-10-03', dueOn: '2022-10-31' },
    ]);
    const ids = async (q: string) =>
      (await get(`/multi-agency-audits?${q}`)).body.items.map((a: { auditId: string }) => a.auditId);
    expect(await ids('open=true&partner=schools')).toEqual(['mash-front-door-2022']);
    expect(await ids('partner=fire')).toEqual([]);
  });

  it('answers the register as of a past date: one return in by 21 October, none opened before 22 September', async () => {
    const then = await get(`/as-of${MASH}?asOf=2022-10-21`);
    expect(then.status).toBe(200);
    expect(then.body.returnRate).toEqual({ asked: 4, returned: 1, percent: 25, previousPercent: 74 });
    expect(then.body.asOf).toMatchObject({ basis: 'recorded', position: positions['police-returned'] });
    expect((await get('/as-of/multi-agency-audits?asOf=2022-09-21')).body.items).toEqual([]);
    expectProblem(await get(`/as-of${MASH}?asOf=2022-09-21`), 404, 'audit-not-found');
    expect((await get(`/as-of${MASH}/history?asOf=2022-10-21`)).body.entries).toHaveLength(3);
  });

  it('refuses a return from a partner not asked, a second return, and closing with returns outstanding and no reason: 4xx, nothing written', async () => {
    const before = await eventCount(t);
    const post = (url: string, body: object) => send(t, url, body);
    expectProblem(
      await post(`${MASH}/returns`, { partnerId: 'fire', returnedOn: '2022-10-30' }),
      422,
      'partner-not-asked',
    );
    expectProblem(
      await post(`${MASH}/returns`, { partnerId: 'police', returnedOn: '2022-10-30' }),
      409,
      'return-already-received',
    );
    expectProblem(await post(`${MASH}/close`, { closedOn: '2022-11-30' }), 422, 'returns-outstanding');
    expectProblem(
      await post(`${MASH}/requests`, { partnerIds: ['nope'], askedOn: '2022-10-03' }),
      422,
      'partner-not-registered',
    );
    expectProblem(
      await post(`${MASH}/findings/think-family/actions`, { actionId: 'no-such-action' }),
      422,
      'action-not-found',
    );
    expectProblem(await get('/multi-agency-audits/nope'), 404, 'audit-not-found');
    expect(await eventCount(t)).toBe(before);
  });
});

describe('thematic reviews (e2e)', () => {
  it('given findings to three partners, then each partner plan progresses separately and each finding shows its actions', async () => {
    const res = await get(STR);
    expect(res.status).toBe(200);
    const plans = res.body.plans.map((p: { partnerId: string; status: string; findingIds: string[] }) => [
      p.partnerId,
      p.status,
      p.findingIds,
    ]);
    expect(plans).toEqual([
      ['police', 'agreed', ['training']],
      ['health', 'in-progress', ['training']],
      ['la', 'complete', ['training', 'voice']],
    ]);
    expect(res.body.findings).toEqual([
      expect.objectContaining({ findingId: 'training', actionIds: ['str-police-plan'] }),
      expect.objectContaining({ findingId: 'voice', actionIds: ['str-la-plan'] }),
    ]);
    const history = await get(`${STR}/history`);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toContain('partner-plan-progress-recorded');
  });

  it('answers as of a past date: before any plan was reported, every partner awaited its plan', async () => {
    const then = await get(`/as-of${STR}?asOf=2022-10-06`);
    expect(then.body.plans.map((p: { status: string }) => p.status)).toEqual([
      'awaiting-plan',
      'awaiting-plan',
      'awaiting-plan',
    ]);
    expect(then.body.plans[0].actions).toEqual([{ findingId: 'training', actionId: 'str-police-plan' }]);
    const list = await get('/as-of/thematic-reviews?asOf=2022-10-06&partner=health');
    expect(list.body.items.map((r: { thematicReviewId: string }) => r.thematicReviewId)).toEqual(['wseb-str-2022']);
  });

  it('refuses a plan update for a partner with no findings, an action against a finding not assigned, and completing with plans open', async () => {
    const before = await eventCount(t);
    const post = (url: string, body: object) => send(t, url, body);
    const progress = { reportedOn: '2022-11-08', status: 'agreed', summary: 's' };
    expectProblem(await post(`${STR}/plans/schools/progress`, progress), 422, 'partner-has-no-findings');
    expectProblem(
      await post(`${STR}/plans/police/actions`, { findingId: 'voice', actionId: 'str-la-plan' }),
      422,
      'finding-not-assigned',
    );
    expectProblem(
      await post(`${STR}/complete`, { completedOn: '2023-03-14', summary: 's' }),
      422,
      'plans-not-complete',
    );
    expectProblem(
      await post(`${STR}/plans/police/progress`, { ...progress, status: 'done' }),
      400,
      'validation-failed',
    );
    expect(await eventCount(t)).toBe(before);
  });

  /** Runs last: it appends to the ledger the other tests read. */
  it('streams the audit as it closes with the reason for the outstanding return', async () => {
    const auditor = await t.token({ userId: 'auditor-1', role: 'auditor', agency: 'ofsted' });
    const res = await openStream(t.app, '/multi-agency-audits/stream', auditor);
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('"closedOn":"2023-01-20"'));
    await on('2023-01-20', 'mash-closed', `${MASH}/close`, {
      closedOn: '2023-01-20',
      outstandingReason: 'Schools return deferred to the spring audit',
    });
    const sent = messages(await text).filter((m) => m.event === 'multi-agency-audit');
    res.destroy();
    const last = JSON.parse(sent[sent.length - 1].data!) as { closure: object };
    expect(last.closure).toEqual({
      closedOn: '2023-01-20',
      outstandingPartnerIds: ['schools'],
      outstandingReason: 'Schools return deferred to the spring audit',
    });
    expect((await get('/multi-agency-audits?open=false')).body.items).toHaveLength(1);
  });
});
