import { expectProblem, send } from '../support/http';
import type { TestApp } from '../support/test-app';
import { startTwoInstances, type TwoInstances } from '../support/two-instances';

/**
 * Read-your-writes through any instance: each instance keeps its own read models, following one
 * ledger (the EventStoreDB protocol fake). A client that wrote through A and reads through B sends
 * back the position A answered; B waits until its read models have applied it.
 */
describe('two instances on one ledger: a read that sends back a write’s position sees that write', () => {
  let instances: TwoInstances;
  let a: TestApp;
  let b: TestApp;
  const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' } as const;

  beforeAll(async () => {
    instances = await startTwoInstances({ env: { READ_CONSISTENCY_WAIT_MS: '8000' } });
    ({ a, b } = instances);
    // The administrator has used B too: each app checks on close that every event's actor is someone
    // whose token it verified, and B holds A's events.
    await b.app.inject({
      method: 'GET',
      url: '/partners',
      headers: { authorization: `Bearer ${await b.token(admin)}` },
    });
  });
  afterAll(() => instances?.stop());

  const read = async (t: TestApp, url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${await t.token()}`, ...headers },
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };

  /**
   * A read by a client that honours the 503 read-model-behind's Retry-After, for 2 min at most (a hang
   * guard). B may fail to reach the position within READ_CONSISTENCY_WAIT_MS on a loaded machine,
   * and saying so is allowed; what it may never do is answer without the write, and every answer
   * but that 503 is returned at once for the test to judge.
   */
  const readHonouringRetryAfter = async (t: TestApp, url: string, headers: Record<string, string>) => {
    for (const end = Date.now() + 120_000; ;) {
      const res = await read(t, url, headers);
      if (res.status !== 503 || res.body?.code !== 'read-model-behind' || Date.now() > end) return res;
      await new Promise((r) => setTimeout(r, Number(res.headers['retry-after']) * 1000));
    }
  };

  it('given a partner registered through A, when B is read at once with its position, then B answers with it', async () => {
    for (let i = 1; i <= 5; i++) {
      const written = await send(
        a,
        '/partners',
        { partnerId: `partner-${i}`, name: `Partner ${i}`, kind: 'other' },
        { token: await a.token(admin) },
      );
      expect(written.status).toBe(201);
      const position = String((written.body as { position: number }).position);

      const res = await readHonouringRetryAfter(b, `/partners/partner-${i}`, { 'consistency-position': position });
      expect({ status: res.status, name: res.body.name }).toEqual({ status: 200, name: `Partner ${i}` });
    }
  });

  it('given a position this instance cannot reach in time, then 503 read-model-behind with Retry-After, not an answer without the write', async () => {
    const res = await read(b, '/partners', { 'consistency-position': '9007199254740991' });
    expectProblem(res, 503, 'read-model-behind');
    expect(res.headers['retry-after']).toBe('1');
  });

  it.each(['-1', 'latest', '1.5', '99999999999999999999'])(
    'given Consistency-Position %s, then 400 invalid-consistency-position naming the header',
    async (value) => {
      const res = await read(b, '/partners', { 'consistency-position': value });
      expectProblem(res, 400, 'invalid-consistency-position');
      expect(res.body.errors).toEqual([{ field: 'Consistency-Position', messages: [expect.any(String)] }]);
    },
  );
});
