import { apiSpec, existingStream } from '../support/api-spec';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * POST /review-activity over HTTP: a count must be an object (an array or a missing count is a 400
 * that writes nothing; before, a missing one was a 500 and an array was recorded as a total of nothing).
 * The counting rules are the decider's (src/case-reviews/domain/review-activity.spec.ts).
 */
describe('review activity (e2e)', () => {
  let t: TestApp;
  const api = apiSpec(() => t);
  const board = existingStream('board-wseb', [
    { type: 'board-registered', data: { boardId: 'wseb', name: 'WSEB', kind: 'executive-board' } },
  ]);
  const body = {
    activityId: 'ws-review-activity-2019-20',
    boardId: 'wseb',
    period: '2019-20',
    referrals: { total: 21, adult: 11, children: 10 },
    rapidReviews: { total: 14, adult: 8, children: 6, statedElsewhere: 15 },
    fullReviews: { total: 4 },
    source: 'Cabinet report, 12 November 2020',
    cites: [{ document: 'cabinet-report', where: 'Safeguarding Reviews' }],
  };
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('given the board registered, when its counts are recorded, then they are written once', async () => {
    await api.given(board).when({ url: '/review-activity', body }).then(201);
  });

  it.each([
    ['an array', { ...body, referrals: [] }],
    ['missing', { ...body, referrals: undefined }],
  ])('given the board registered, when a count is %s, then it is refused as invalid', async (_what, invalid) => {
    await api.given(board).when({ url: '/review-activity', body: invalid }).thenProblem(400, 'validation-failed');
  });
});
