import { eventCount, send } from '../support/http';
import type { ThrowawayPostgres } from '../support/postgres/throwaway-postgres';
import type { TestApp } from '../support/test-app';
import { startTwoInstances, type TwoInstances } from '../support/two-instances';

/**
 * Two service instances behind a load balancer: one EventStoreDB (the protocol fake, with a real
 * node's positions) and one real PostgreSQL for the state they share. A client's retry may land on
 * either instance.
 */
describe('two instances sharing state in PostgreSQL: a retried command', () => {
  let instances: TwoInstances;
  let pg: ThrowawayPostgres;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    instances = await startTwoInstances({ sharedState: true });
    ({ a, b } = instances);
    pg = instances.pg!;
  });
  afterAll(() => instances?.stop());

  // Partners are set up by an administrator; the same person, whichever instance checks the token.
  const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' } as const;
  const register = async (app: TestApp, body: object, idempotencyKey: string) =>
    send(app, '/partners', body, { idempotencyKey, token: await app.token(admin) });
  const partner = { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' };

  it('given a command answered by instance A, when the client retries it with the same Idempotency-Key on B, then it is written once and B replays A’s answer', async () => {
    const before = await eventCount(a);
    const first = await register(a, partner, 'register-police-1');
    const retry = await register(b, partner, 'register-police-1');

    expect(first.status).toBe(201);
    expect({ status: retry.status, body: retry.body, etag: retry.headers.etag }).toEqual({
      status: first.status,
      body: first.body,
      etag: first.headers.etag,
    });
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect((await eventCount(b)) - before).toBe(1);
  });

  it('given a key used on A, when B receives a different request under it, then B refuses it (422) and writes nothing', async () => {
    const westMidlands = { ...partner, partnerId: 'west-midlands-police', name: 'West Midlands Police' };
    expect((await register(a, westMidlands, 'register-2')).status).toBe(201);
    const before = await eventCount(b);
    const other = { ...partner, partnerId: 'west-mercia-police', name: 'West Mercia Police' };
    const reused = await register(b, other, 'register-2');
    expect({ status: reused.status, code: (reused.body as { code?: string }).code }).toEqual({
      status: 422,
      code: 'idempotency-key-reused',
    });
    expect(await eventCount(b)).toBe(before);
  });

  it('given PostgreSQL restarted between the command and its retry, then the retry is still answered from the kept record', async () => {
    const coventry = { ...partner, partnerId: 'coventry-police', name: 'Coventry Police' };
    const first = await register(a, coventry, 'register-3');
    await pg.restart();
    const retry = await register(b, coventry, 'register-3');
    expect({ status: retry.status, body: retry.body }).toEqual({ status: first.status, body: first.body });
    expect(retry.headers['idempotent-replay']).toBe('true');
  });

  it('given PostgreSQL down, when a command with an Idempotency-Key arrives, then 503 store-unavailable, nothing is written and /health says so until it is back', async () => {
    const before = await eventCount(a);
    pg.halt();
    try {
      const res = await register(a, { ...partner, partnerId: 'x-police', name: 'X Police' }, 'register-4');
      expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({
        status: 503,
        code: 'store-unavailable',
      });
      expect(res.headers['retry-after']).toBeDefined();
      // Every instance's /health names the shared part that is down while the outage lasts.
      for (const instance of [a, b]) {
        const health = await instance.app.inject({ method: 'GET', url: '/health' });
        expect({ status: health.statusCode, part: health.json().parts.idempotencyStore.status }).toEqual({
          status: 503,
          part: 'down',
        });
      }
    } finally {
      await pg.resume();
    }
    expect(await eventCount(a)).toBe(before);
    const healed = await b.app.inject({ method: 'GET', url: '/health' });
    expect(healed.json().parts.idempotencyStore.status).toBe('up');
  });
});
