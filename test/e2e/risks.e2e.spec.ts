import { eventCount, expectProblem, send } from '../support/http';
import { messages, openStream, readUntil } from '../support/sse';
import { asOfSuite } from '../read-models/support/as-of-suite';
import { startListeningProjectionsApp, type ProjectionsTestApp } from '../read-models/support/projections-app';

/**
 * The risk register over HTTP (issue 17 item 3), on the Worcestershire minutes of 2019: "7.1 Managing
 * Risk ... No new risks identified" at a board meeting. The minutes name no risk: the risks, their
 * scores, controls and dates below are illustrative.
 */
let t: ProjectionsTestApp;
const { positions, get, on, partnership } = asOfSuite(() => t, '10');
const WORKFORCE = '/risks/workforce-capacity';
const FUNDING = '/risks/partner-funding';

type Risk = { riskId: string; score: number; scores: { scoredOn: string; score: number }[]; reviewOverdue: boolean };
const ids = (body: { items: Risk[] }) => body.items.map((r) => r.riskId);

beforeAll(async () => {
  t = await startListeningProjectionsApp();
  await partnership(
    '2018-04-01',
    [
      ['worcestershire-county-council', 'local-authority'],
      ['west-mercia-police', 'police'],
    ],
    { boardId: 'wscb', name: 'Safeguarding Board' },
  );
  await on('2019-01-10', 'recorded', '/risks', {
    riskId: 'workforce-capacity',
    ownerPartnerId: 'worcestershire-county-council',
    category: 'workforce',
    title: 'Illustrative: social work vacancies',
    description: 'Illustrative: vacancy rates delay assessments',
    identifiedOn: '2019-01-10',
    likelihood: 4,
    impact: 4,
    nextReviewDue: '2019-04-10',
  });
  await on('2019-01-20', 'funding', '/risks', {
    riskId: 'partner-funding',
    ownerPartnerId: 'west-mercia-police',
    category: 'financial',
    title: 'Illustrative: partner contributions unconfirmed',
    description: 'Illustrative: contributions for 2019-20 not yet agreed',
    identifiedOn: '2019-01-20',
    likelihood: 3,
    impact: 3,
  });
  await on('2019-02-01', 'control', `${WORKFORCE}/controls`, {
    controlId: 'recruitment-campaign',
    addedOn: '2019-02-01',
    description: 'Illustrative: recruitment campaign',
  });
  await on('2019-03-01', 'funding-closed', `${FUNDING}/closure`, {
    closedOn: '2019-03-01',
    reason: 'Illustrative: contributions agreed',
  });
  await on('2019-04-10', 'meeting', '/meetings', {
    meetingId: 'wscb-2019-04-10',
    boardId: 'wscb',
    scheduledFor: '2019-04-10T10:00:00Z',
  });
  await on('2019-04-10', 'reviewed', `${WORKFORCE}/reviews`, {
    reviewedOn: '2019-04-10',
    outcome: 'No new risks identified',
    meetingId: 'wscb-2019-04-10',
    nextReviewDue: '2019-07-10',
  });
  await on('2019-04-10', 'escalated', `${WORKFORCE}/escalations`, {
    escalatedOn: '2019-04-10',
    boardId: 'wscb',
    meetingId: 'wscb-2019-04-10',
    reason: 'Illustrative: score 16',
  });
  await on('2019-05-01', 'rescored', `${WORKFORCE}/scores`, {
    scoredOn: '2019-05-01',
    likelihood: 2,
    impact: 4,
    reason: 'Illustrative: campaign filled posts',
  });
});
afterAll(() => t.close());

describe('risk register (e2e)', () => {
  it('given a rescoring, then the register shows the current score (likelihood x impact) and the past scores', async () => {
    const res = await get(`${WORKFORCE}?measuredOn=2019-06-01`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ownerPartnerId: 'worcestershire-county-council',
      category: 'workforce',
      status: 'open',
      likelihood: 2,
      impact: 4,
      score: 8,
      nextReviewDue: '2019-07-10',
      reviewOverdue: false,
      reviews: [{ outcome: 'No new risks identified', meetingId: 'wscb-2019-04-10' }],
      escalations: [{ boardId: 'wscb', meetingId: 'wscb-2019-04-10' }],
      controls: [{ controlId: 'recruitment-campaign', inForce: true }],
    });
    expect((res.body as Risk).scores.map((s) => [s.scoredOn, s.score])).toEqual([
      ['2019-01-10', 16],
      ['2019-05-01', 8],
    ]);
    expect((await get(`${WORKFORCE}/history`)).body.entries).toHaveLength(5);
  });

  it('given the next review due on 10 July and not held, then the day after it appears overdue, measured by the injected clock', async () => {
    t.clock.set('2019-07-11T12:00:00.000Z');
    const overdue = await get('/risks?overdue=true');
    expect(ids(overdue.body)).toEqual(['workforce-capacity']);
    expect(overdue.body.items[0]).toMatchObject({ measuredOn: '2019-07-11', reviewOverdue: true });
    expect(ids((await get('/risks?overdue=true&measuredOn=2019-07-10')).body)).toEqual([]);
  });

  it('filters by owner partner, category and status', async () => {
    const q = (filter: string) => get(`/risks?measuredOn=2019-06-01&${filter}`).then((r) => ids(r.body));
    expect(await q('ownerPartnerId=west-mercia-police')).toEqual(['partner-funding']);
    expect(await q('category=workforce')).toEqual(['workforce-capacity']);
    expect(await q('status=closed')).toEqual(['partner-funding']);
    expect(await q('status=open&category=financial')).toEqual([]);
  });

  it('answers the register as of a past date with the score it had then', async () => {
    const april = await get(`/as-of${WORKFORCE}?knownAt=2019-04-30`);
    expect(april.status).toBe(200);
    expect(april.body).toMatchObject({ measuredOn: '2019-04-30', score: 16, likelihood: 4, impact: 4 });
    expect(april.body.asOf).toMatchObject({ basis: 'recorded', position: positions.escalated });
    expect((april.body as Risk).scores).toHaveLength(1);
    expect((await get(`/as-of${WORKFORCE}?validAt=2019-04-30`)).body).toMatchObject({ score: 16 });
    const list = await get('/as-of/risks?knownAt=2019-01-15');
    expect(ids(list.body)).toEqual(['workforce-capacity']);
    expectProblem(await get(`/as-of${WORKFORCE}?knownAt=2019-01-09`), 404, 'risk-not-found');
    expect((await get(`/as-of${WORKFORCE}/history?knownAt=2019-02-01`)).body.entries).toHaveLength(2);
  });

  // The decider spec tests each rule once; here the edge's validation, the facts only the handlers read
  // (partners, boards, meetings) and the refusals on a closed risk, each answered with a problem.
  it('refuses with a problem that writes nothing', async () => {
    const before = await eventCount(t);
    const post = (url: string, body: object) => send(t, url, body);
    const risk = {
      riskId: 'r-new',
      ownerPartnerId: 'west-mercia-police',
      category: 'governance',
      title: 'T',
      description: 'D',
      identifiedOn: '2019-06-01',
      likelihood: 3,
      impact: 3,
    };
    expectProblem(await post('/risks', { ...risk, likelihood: 6 }), 400, 'validation-failed');
    expectProblem(
      await post(`${WORKFORCE}/scores`, { scoredOn: '2019-06-01', likelihood: 0, impact: 2, reason: 'x' }),
      400,
      'validation-failed',
    );
    expectProblem(await post('/risks', { ...risk, ownerPartnerId: 'nobody' }), 422, 'partner-not-registered');
    expectProblem(
      await post(`${WORKFORCE}/reviews`, { reviewedOn: '2019-07-10', outcome: 'x', nextReviewDue: '2019-07-10' }),
      422,
      'next-review-not-after',
    );
    expectProblem(
      await post(`${WORKFORCE}/reviews`, { reviewedOn: '2019-07-10', outcome: 'x', meetingId: 'no-meeting' }),
      422,
      'meeting-not-found',
    );
    expectProblem(
      await post(`${WORKFORCE}/escalations`, { escalatedOn: '2019-07-10', boardId: 'no-board', reason: 'x' }),
      422,
      'board-not-registered',
    );
    expectProblem(await post(`${FUNDING}/reviews`, { reviewedOn: '2019-07-10', outcome: 'x' }), 409, 'risk-closed');
    expectProblem(
      await post(`${FUNDING}/escalations`, { escalatedOn: '2019-07-10', boardId: 'wscb', reason: 'x' }),
      409,
      'risk-closed',
    );
    expectProblem(
      await post(`${FUNDING}/closure`, { closedOn: '2019-07-10', reason: 'x' }),
      409,
      'risk-already-closed',
    );
    expectProblem(
      await post('/risks/nope/scores', { scoredOn: '2019-06-01', likelihood: 1, impact: 1, reason: 'x' }),
      404,
      'risk-not-found',
    );
    expectProblem(await get('/risks/nope'), 404, 'risk-not-found');
    expect(await eventCount(t)).toBe(before);
  });

  /** Runs last: it appends to the ledger the tests above read. */
  it('streams the risk when it is rescored', async () => {
    const res = await openStream(t.app, '/risks/stream', await t.token());
    expect(res.statusCode).toBe(200);
    const text = readUntil(res, (s) => s.includes('"scoredOn":"2019-07-12"'));
    await on('2019-07-12', 'rescored-again', `${WORKFORCE}/scores`, {
      scoredOn: '2019-07-12',
      likelihood: 1,
      impact: 4,
      reason: 'Illustrative: vacancies filled',
    });
    const sent = messages(await text).filter((m) => m.event === 'risk');
    res.destroy();
    expect(JSON.parse(sent[sent.length - 1].data!)).toMatchObject({ riskId: 'workforce-capacity', score: 4 });
  });
});
