import { expectProblem, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

describe('rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 problem+json once a client exceeds the configured requests per minute', async () => {
    const token = await t.token({ role: 'auditor' });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await send(t, '/ledger/verify', undefined, { token, method: 'GET' })).status);
    expect(statuses).toEqual([200, 200, 200]);
    expectProblem(await send(t, '/ledger/verify', undefined, { token, method: 'GET' }), 429, 'too-many-requests');
  });
});
