import type { TokenClaims } from '../../src/auth/mint-token';
import { eventCount, expectProblem, send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { asOfSuite } from './support/as-of-suite';
import { startListeningProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * The case review register over HTTP (issue 16's acceptance): a rapid review known on the Friday
 * before the August 2022 bank holiday, and a CSPR whose publication waits for an inquest, written
 * through the commands on business dates (the ledger's clock moved between writes) and read back
 * measured at given dates, live and as of a past date.
 */
let t: ProjectionsTestApp;
const { positions, get, on, partnership, meetingWithItem } = asOfSuite(() => t, '10');
const chair: Partial<TokenClaims> = { userId: 'chair-1', role: 'chair' };
const CHILD = 'Jamie Example';
const RR = '/case-reviews/wsp-rr-2022-01';
const CSPR = '/case-reviews/wsp-cspr-2022-02';
const H1 = '1'.repeat(64);
const PARTNERS = ['wcc', 'police', 'icb'];

beforeAll(async () => {
  t = await startListeningProjectionsApp();
  await partnership(
    '2022-05-03',
    [
      ['wcc', 'local-authority'],
      ['police', 'police'],
      ['icb', 'health'],
    ],
    { boardId: 'wseb', name: 'Executive Board' },
  );
  await meetingWithItem(
    '2022-05-10',
    { meetingId: 'wseb-2022-12-05', boardId: 'wseb', scheduledFor: '2022-12-05T10:00:00Z' },
    { itemNumber: 1, title: 'Case reviews' },
    {
      action: {
        actionId: 'cspr-r1-chronologies',
        text: 'Agree a multi-agency chronology template',
        dueDate: '2023-06-30',
      },
    },
  );
  // The CSPR: known 1 June 2022, commissioned 4 July (publication due 4 January 2023), delayed for the inquest.
  await on('2022-06-01', 'cspr-opened', '/case-reviews', {
    caseReviewId: 'wsp-cspr-2022-02',
    type: 'rapid-review',
    title: 'Child K',
    awareOn: '2022-06-01',
  });
  await on('2022-06-06', 'cspr-notified', `${CSPR}/national-panel-notification`, { notifiedOn: '2022-06-06' });
  await on('2022-06-20', 'cspr-rapid', `${CSPR}/rapid-review`, {
    completedOn: '2022-06-20',
    outcome: 'Information sharing between health and police fell short',
    recommendsCspr: true,
  });
  await on('2022-07-04', 'cspr-commissioned', `${CSPR}/commissioning-decision`, {
    decidedOn: '2022-07-04',
    commission: true,
    reasons: 'The Panel agreed: national learning likely',
  });
  await on('2022-07-18', 'cspr-reviewer', `${CSPR}/reviewer`, {
    appointedOn: '2022-07-18',
    reviewer: 'Independent reviewer',
    termsOfReference: 'ToR v1 agreed by the three partners',
  });
  // The rapid review: Friday 26 August 2022, before the bank holiday of Monday 29 August.
  await on('2022-08-26', 'rr-opened', '/case-reviews', {
    caseReviewId: 'wsp-rr-2022-01',
    type: 'rapid-review',
    title: 'Child J',
    awareOn: '2022-08-26',
    dataSubjects: [{ subjectId: 'wsp-rr-2022-01-child', relation: 'child', name: CHILD }],
  });
  await on('2022-11-01', 'cspr-draft', `${CSPR}/drafts`, { version: 'v1', receivedOn: '2022-11-01', contentHash: H1 });
  await on('2022-11-02', 'signoff', '/signoffs', {
    signoffId: 'cspr-2022-02-report',
    artefact: { artefactId: 'cspr-2022-02', kind: 'report', title: 'CSPR Child K', version: 'v1', contentHash: H1 },
    requiredPartnerIds: PARTNERS,
  });
  await on('2022-11-02', 'cspr-linked', `${CSPR}/signoffs`, { signoffId: 'cspr-2022-02-report' });
  await on('2022-12-01', 'cspr-delayed', `${CSPR}/publication-delay`, {
    delayedOn: '2022-12-01',
    reason: 'pending-inquest',
    detail: "Publication held until after the coroner's inquest",
    reviewOn: '2023-03-01',
  });
  await on('2022-12-05', 'cspr-finding', `${CSPR}/findings`, {
    findingId: 'r1',
    kind: 'recommendation',
    text: 'Partners share one chronology',
    actionIds: ['cspr-r1-chronologies'],
  });
});
afterAll(() => t.close());

type Deadline = { milestone: string; status: string };
const deadline = (body: { deadlines: Deadline[] }, milestone: string) =>
  body.deadlines.find((d) => d.milestone === milestone);

describe('case review register (e2e)', () => {
  it('given a rapid review known on the Friday before a bank holiday, then its 5 and 15 working-day dates skip the holidays', async () => {
    const res = await get(`${RR}?measuredOn=2022-09-05`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'rapid-review', status: 'notification-due', breached: false });
    expect(deadline(res.body, 'notification')).toMatchObject({
      startedOn: '2022-08-26',
      dueBy: '2022-09-05',
      status: 'due',
      daysRemaining: 0,
      rule: { version: 'wt-2018', workingDays: 5 },
    });
    // 19 September 2022 (the state funeral) was a bank holiday too.
    expect(deadline(res.body, 'rapid-review')).toMatchObject({ dueBy: '2022-09-20', status: 'due', daysRemaining: 10 });
  });

  it('shows the missed notification as a breach the day after it was due, and lists it under breached', async () => {
    const res = await get(`${RR}?measuredOn=2022-09-06`);
    expect(res.body.breached).toBe(true);
    expect(deadline(res.body, 'notification')).toMatchObject({ status: 'breached', breachedOn: '2022-09-06' });
    const ids = async (q: string) =>
      (await get(`/case-reviews?${q}`)).body.items.map((r: { caseReviewId: string }) => r.caseReviewId);
    expect(await ids('measuredOn=2022-09-06&breached=true')).toEqual(['wsp-rr-2022-01']);
    expect(await ids('measuredOn=2022-09-05&breached=true')).toEqual([]);
    expect(await ids('measuredOn=2022-09-06&type=cspr')).toEqual(['wsp-cspr-2022-02']);
    expect(await ids('measuredOn=2022-09-06&status=notification-due')).toEqual(['wsp-rr-2022-01']);
  });

  it('names the child only as a sealed data subject: the register shows the pseudonymous id, never the name', async () => {
    const res = await get(`${RR}?measuredOn=2022-09-05`);
    expect(res.body.dataSubjects).toEqual([{ subjectId: 'wsp-rr-2022-01-child', relation: 'child' }]);
    expect(JSON.stringify(res.body)).not.toContain(CHILD);
    const [opened] = await t.store.readStream('casereview-wsp-rr-2022-01');
    expect(JSON.stringify(opened.data)).not.toContain(CHILD);
  });

  it('given a CSPR delayed for an inquest, then past its due date it shows the delay and its reason, not a breach', async () => {
    const res = await get(`${CSPR}?measuredOn=2023-01-10`);
    expect(res.body).toMatchObject({
      type: 'cspr',
      openedAs: 'rapid-review',
      status: 'publication-delayed',
      breached: false,
      signoffIds: ['cspr-2022-02-report'],
      findings: [{ findingId: 'r1', actionIds: ['cspr-r1-chronologies'] }],
    });
    expect(deadline(res.body, 'publication')).toMatchObject({
      dueBy: '2023-01-04',
      status: 'delayed',
      delay: { reason: 'pending-inquest', reviewOn: '2023-03-01', reviewOverdue: false },
    });
    expect(deadline(res.body, 'rapid-review')).toMatchObject({ status: 'met', doneOn: '2022-06-20' });
    const history = await get(`${CSPR}/history`);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toContain('publication-delayed');
  });

  it('answers the register as of a past date: what was recorded by then, measured on that date', async () => {
    const list = await get('/as-of/case-reviews?asOf=2022-08-25');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ caseReviewId: 'wsp-cspr-2022-02', status: 'in-review', measuredOn: '2022-08-25' }),
    ]);
    expect(list.body.asOf).toMatchObject({ basis: 'recorded', position: positions['cspr-reviewer'] });
    expectProblem(await get(`/as-of${RR}?asOf=2022-08-25`), 404, 'case-review-not-found');
    const rr = await get(`/as-of${RR}?asOf=2022-09-06`);
    expect(rr.body).toMatchObject({ measuredOn: '2022-09-06', breached: true });
    expect((await get(`/as-of${CSPR}/history?asOf=2022-08-25`)).body.entries).toHaveLength(5);
  });

  it('refuses facts the handler reads from other records with a problem that writes nothing', async () => {
    const before = await eventCount(t);
    const post = async (url: string, body: object) => send(t, url, body);
    expectProblem(
      await post(`${CSPR}/publication`, { publishedOn: '2023-05-26', signoffId: 'cspr-2022-02-report' }),
      422,
      'signoff-not-completed',
    );
    expectProblem(await post(`${CSPR}/signoffs`, { signoffId: 'no-such-signoff' }), 422, 'signoff-not-found');
    expectProblem(
      await post(`${CSPR}/findings`, { findingId: 'r2', kind: 'finding', text: 't', actionIds: ['no-such-action'] }),
      422,
      'action-not-found',
    );
    expectProblem(
      await post('/case-reviews', {
        caseReviewId: 'x-1',
        type: 'sar',
        title: 'Adult A',
        awareOn: '2022-09-01',
        boardId: 'nope',
      }),
      422,
      'board-not-registered',
    );
    expectProblem(
      await post(`${RR}/rapid-review`, { completedOn: '2022-09-20', outcome: 'o', recommendsCspr: false }),
      422,
      'rapid-review-without-notification',
    );
    expectProblem(
      await post(`${RR}/national-panel-notification`, { notifiedOn: '2022-02-30' }),
      400,
      'validation-failed',
    );
    expectProblem(await get(`${RR}?measuredOn=2031-01-01`), 400, 'date-outside-calendar');
    expectProblem(await get('/case-reviews/nope'), 404, 'case-review-not-found');
    expect(await eventCount(t)).toBe(before);
  });

  it('answers 304 to a read whose ETag is still current', async () => {
    const first = await get(`${CSPR}?measuredOn=2023-01-10`);
    const again = await t.app.inject({
      method: 'GET',
      url: `${CSPR}?measuredOn=2023-01-10`,
      headers: { authorization: `Bearer ${await t.token()}`, 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  /** Runs last: it appends to the ledger the other tests read. */
  it('publishes once every partner signed, and streams the published review', async () => {
    const auditor = await t.token({ userId: 'inspector-1', role: 'auditor', agency: 'ofsted' });
    const res = await openStream(t.app, '/case-reviews/stream', auditor);
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('"publishedOn":"2023-05-26"'));
    for (const partnerId of PARTNERS)
      await on('2023-05-20', `signed-${partnerId}`, '/signoffs/cspr-2022-02-report/sign', { partnerId }, chair);
    await on('2023-05-26', 'published', `${CSPR}/publication`, {
      publishedOn: '2023-05-26',
      signoffId: 'cspr-2022-02-report',
      url: 'https://example.org/cspr-child-k',
    });
    const sent = messages(await text).filter((m) => m.event === 'case-review');
    res.destroy();
    const last = JSON.parse(sent[sent.length - 1].data!) as { caseReviewId: string; status: string };
    expect(last).toMatchObject({ caseReviewId: 'wsp-cspr-2022-02', status: 'published' });
    const now = await get(`${CSPR}?measuredOn=2023-06-01`);
    expect(deadline(now.body, 'publication')).toMatchObject({ status: 'late', doneOn: '2023-05-26' });
  });

  it('given a rapid review entered in December for a child known in September, then validAt answers it for September and knownAt does not', async () => {
    // Recorded on 1 December with occurredAt 15 September: what we now know was true then.
    await on('2022-12-01', 'late-opened', '/case-reviews', {
      caseReviewId: 'wsp-rr-2022-03',
      type: 'rapid-review',
      title: 'Child L',
      awareOn: '2022-09-15',
      occurredAt: '2022-09-15T10:00:00Z',
    });
    const ids = (res: { body: { items: { caseReviewId: string }[] } }) => res.body.items.map((i) => i.caseReviewId);

    expect(ids(await get('/as-of/case-reviews?validAt=2022-09-20'))).toContain('wsp-rr-2022-03');
    expect(ids(await get('/as-of/case-reviews?validAt=2022-09-14'))).not.toContain('wsp-rr-2022-03');
    // What the register showed on 20 September (recording time): the review had not been entered.
    expect(ids(await get('/as-of/case-reviews?knownAt=2022-09-20'))).not.toContain('wsp-rr-2022-03');
    expect((await get('/as-of/case-reviews/wsp-rr-2022-03?validAt=2022-09-20')).body).toMatchObject({
      caseReviewId: 'wsp-rr-2022-03',
      asOf: { axes: expect.arrayContaining(['validAt']) },
    });
  });
});
