import { IDEMPOTENCY_STORE, type IdempotencyStore } from '../../src/http/idempotency/idempotency.store';
import { eventCount, send } from '../support/http';
import { ADMIN, appForEachTest, type TestApp } from '../support/test-app';

const HOUR = 3_600_000;

// Answers to an Idempotency-Key are remembered IDEMPOTENCY_RETENTION_HOURS (24 by default), counted
// on the service's clock from when the answer was kept.
describe('Idempotency-Key retention (e2e)', () => {
  let t: TestApp;
  appForEachTest((app) => (t = app));
  const register = async (partnerId: string, idempotencyKey: string) =>
    send(
      t,
      '/partners',
      { partnerId, name: `Partner ${partnerId}`, kind: 'health' },
      {
        token: await t.token(ADMIN),
        idempotencyKey,
      },
    );

  it('given a key answered 23 hours ago, when it is retried, then the first answer is replayed and nothing is written twice', async () => {
    const first = await register('cw-ccg', 'key-1');
    t.clock.advance(23 * HOUR);

    const retry = await register('cw-ccg', 'key-1');

    expect(retry.headers['idempotent-replay']).toBe('true');
    expect({ status: retry.status, body: retry.body, etag: retry.headers.etag }).toEqual({
      status: first.status,
      body: first.body,
      etag: first.headers.etag,
    });
    expect(await eventCount(t)).toBe(1);
  });

  it('given a key answered 25 hours ago, when it comes with another request, then that request is handled as new, and its own answer is what a retry now replays', async () => {
    await register('cw-ccg', 'key-1');
    t.clock.advance(25 * HOUR);

    const fresh = await register('cw-icb', 'key-1');
    const retry = await register('cw-icb', 'key-1');

    expect(fresh.status).toBe(201);
    expect(fresh.headers['idempotent-replay']).toBeUndefined();
    expect(fresh.body).toMatchObject({ id: 'cw-icb', revision: 0 });
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.body).toEqual(fresh.body);
    expect(await eventCount(t)).toBe(2);
  });

  it('given a key that renamed a partner 25 hours ago, when it comes with another rename of the same partner, then that rename is recorded, not answered with the old one', async () => {
    await register('cw-ccg', 'setup');
    const rename = async (name: string, effectiveFrom: string) =>
      send(
        t,
        '/partners/cw-ccg/rename',
        { name, effectiveFrom },
        {
          token: await t.token(ADMIN),
          idempotencyKey: 'rename-1',
        },
      );
    await rename('C&W ICB', '2022-07-01');
    t.clock.advance(25 * HOUR);

    const again = await rename('Coventry and Warwickshire ICB', '2022-08-01');

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ revision: 2, events: ['partner-renamed'] });
    const events = await t.store.readStream('partner-cw-ccg');
    expect(events.map((e) => (e.data as { name?: string }).name)).toEqual([
      'Partner cw-ccg',
      'C&W ICB',
      'Coventry and Warwickshire ICB',
    ]);
  });

  it('given keys answered 25 and 1 hours ago, when the store is pruned, then only the older is forgotten', async () => {
    await register('cw-ccg', 'key-old');
    t.clock.advance(24 * HOUR);
    await register('cw-icb', 'key-new');
    t.clock.advance(HOUR);

    expect(await t.app.get<IdempotencyStore>(IDEMPOTENCY_STORE).prune()).toBe(1);
  });
});
