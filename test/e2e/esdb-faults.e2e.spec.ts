import { expectProblem, send, sendRetryingTransient } from '../support/http';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * EventStoreDB outages through the real client against the protocol fake (test support, not
 * EventStoreDB): the server gone (port closed) and the server hung (it applies what it receives
 * and answers nothing). STORE_DEADLINE_MS is short so a hang is met within seconds, yet long enough
 * that a busy CI machine's start-up reads (privacy's key index reads $all) never meet it (400 ms did);
 * nothing here measures time, only what is answered.
 */
describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('EventStoreDB outages (e2e, protocol fake, appends by %s)', (_path, batchAppend) => {
  let fake: EsdbProtocolFake;
  let t: TestApp;
  beforeEach(async () => {
    fake = await startEsdbProtocolFake({ batchAppend });
    t = await startTestApp({
      LEDGER_STORE: 'esdb',
      ESDB_CONNECTION_STRING: fake.connectionString,
      STORE_DEADLINE_MS: '2000',
    });
  });
  afterEach(async () => {
    fake.resume();
    await fake.up();
    await t.close();
    await fake.stop();
  });
  const admin = () => t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
  const partner = (partnerId: string) => ({ partnerId, name: `Partner ${partnerId}`, kind: 'health' });
  const register = async (partnerId: string, idempotencyKey?: string) =>
    send(t, '/partners', partner(partnerId), { token: await admin(), idempotencyKey });
  /** A registration while the store is healthy, retried on a transient 503 (the short deadline can meet it on a loaded machine). */
  const registerOnceHealthy = async (partnerId: string, idempotencyKey: string) =>
    sendRetryingTransient(t, '/partners', partner(partnerId), { token: await admin(), idempotencyKey });
  const partnerEvents = () => fake.log.all.filter((e) => e.streamName.startsWith('partner-'));
  const health = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    return { status: res.statusCode, body: res.json() };
  };

  it('given the store is unreachable, when a partner is registered, then 503 store-unavailable (nothing written) and /health is 503 naming the event store', async () => {
    expect((await registerOnceHealthy('before', 'key-before')).status).toBe(201);
    await fake.down();
    const res = await register('while-down');
    expectProblem(res, 503, 'store-unavailable');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ part: 'event-store', outcomeUnknown: false });
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({
      status: 'down',
      parts: {
        eventStore: { status: 'down', engine: 'esdb', reason: expect.stringMatching(/unavailable|unreachable/i) },
      },
    });
    await fake.up();
    expect(partnerEvents().map((e) => e.streamName)).toEqual(['partner-before']);
  });

  it('given the store hangs on appends, when a partner is registered, then 503 outcome-unknown; after it resumes, a retry with the same key is answered with the one write recorded', async () => {
    fake.hang(['append', 'batchAppend']);
    const res = await register('hung', 'key-1');
    expectProblem(res, 503, 'outcome-unknown');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ part: 'event-store', fault: 'store-deadline-exceeded', outcomeUnknown: true });
    expect(res.body.detail).toMatch(/may have been recorded/);
    expect(res.body.detail).toMatch(/same Idempotency-Key/);
    fake.resume();
    // The fake applies what it receives while hung, so the retry usually finds the write and answers
    // with it (deciding again would refuse "partner exists"). A machine stalled past the deadline can
    // deliver the write late, after this line or past its deadline (the next test): the client cannot
    // tell, which is what outcome-unknown says, so nothing is asserted about the log until the retry,
    // whose read reaches the fake behind the write on the same connection.
    const retry = await registerOnceHealthy('hung', 'key-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: 'hung', revision: 0, events: ['partner-registered'] });
    expect(partnerEvents().map((e) => e.streamName)).toEqual(['partner-hung']);
  });

  // Only a batch carries its deadline to the server (Append's is a gRPC timeout, relative to arrival).
  if (batchAppend) {
    it('given the store hangs on appends and the batch reaches it past its deadline (a stalled machine), when a partner is registered, then 503 outcome-unknown; the store refused it, and the retry with the same key records it once', async () => {
      fake.hang(['batchAppend']);
      fake.advanceClock(10_000);
      const res = await register('late', 'key-late');
      expectProblem(res, 503, 'outcome-unknown');
      expect(res.body).toMatchObject({ part: 'event-store', fault: 'store-deadline-exceeded', outcomeUnknown: true });
      const batches = () => fake.rpcCalls()['Streams.BatchAppend(batch)'] ?? 0;
      while (batches() < 1) await new Promise((r) => setTimeout(r, 10)); // a stalled fake may read it only now
      expect(partnerEvents()).toEqual([]); // refused as it was read: a batch past its deadline writes nothing
      fake.resume();
      fake.advanceClock(-10_000); // the fake's clock agrees with the client's again
      const retry = await registerOnceHealthy('late', 'key-late');
      expect(retry.status).toBe(201);
      expect(retry.body).toMatchObject({ id: 'late', revision: 0, events: ['partner-registered'] });
      expect(partnerEvents().map((e) => e.streamName)).toEqual(['partner-late']);
    });
  }

  it('given the store hangs on everything, when /health is asked, then it answers 503 naming the event store down for its deadline', async () => {
    fake.hang();
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({
      status: 'down',
      deadlineMs: 2000,
      parts: { eventStore: { status: 'down', reason: expect.stringMatching(/deadline/) } },
    });
  });

  it('given the store hangs on reads, when a partner is registered, then 503 store-deadline-exceeded, known to have written nothing', async () => {
    fake.hang(['read']);
    const res = await register('read-hung');
    expectProblem(res, 503, 'store-deadline-exceeded');
    expect(res.body).toMatchObject({ outcomeUnknown: false });
    fake.resume();
    expect(partnerEvents()).toHaveLength(0);
  });
});
