import { eventCount, expectProblem, send } from '../support/http';
import { ADMIN, appForEachTest, type TestApp } from '../support/test-app';

describe('partners (e2e)', () => {
  let t: TestApp;
  appForEachTest((app) => (t = app));
  const admin = () => t.token(ADMIN);
  const register = async (partnerId = 'cw-ccg', name = 'Coventry and Warwickshire CCG', kind = 'health') =>
    send(t, '/partners', { partnerId, name, kind }, { token: await admin() });

  it('registers a partner: 201, the new revision as ETag, the event with the token actor and business time', async () => {
    const res = await send(
      t,
      '/partners',
      {
        partnerId: 'warwickshire-police',
        name: 'Warwickshire Police',
        kind: 'police',
        occurredAt: '2022-05-10T09:30:00Z',
      },
      { token: await admin() },
    );
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ id: 'warwickshire-police', revision: 0, events: ['partner-registered'] });
    const [event] = await t.store.readStream('partner-warwickshire-police');
    expect(event.metadata).toMatchObject({
      actor: { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' },
      occurredAt: '2022-05-10T09:30:00.000Z',
      recordedAt: '2022-11-21T12:00:00.000Z',
    });
  });

  it('refuses invalid fields with 400 naming each field, and writes nothing', async () => {
    const res = await send(
      t,
      '/partners',
      { partnerId: 'Bad Id', name: '', kind: 'army', extra: 1 },
      { token: await admin() },
    );
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'extra',
      'kind',
      'name',
      'partnerId',
    ]);
    expect(await eventCount(t)).toBe(0);
  });

  it('answers 412 when If-Match is stale and applies the change when it is current', async () => {
    await register();
    const stale = await send(
      t,
      '/partners/cw-ccg/rename',
      { name: 'C&W ICB', effectiveFrom: '2022-07-01' },
      { token: await admin(), ifMatch: '"5"' },
    );
    expectProblem(stale, 412, 'wrong-expected-revision');
    expect(await eventCount(t)).toBe(1);
    const ok = await send(
      t,
      '/partners/cw-ccg/rename',
      { name: 'C&W ICB', effectiveFrom: '2022-07-01' },
      { token: await admin(), ifMatch: '"0"' },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"1"');
  });

  it('returns the first result for a retried Idempotency-Key and writes nothing twice', async () => {
    const body = { partnerId: 'warwickshire-cc', name: 'Warwickshire County Council', kind: 'local-authority' };
    const first = await send(t, '/partners', body, { token: await admin(), idempotencyKey: 'reg-wcc-1' });
    const retry = await send(t, '/partners', body, { token: await admin(), idempotencyKey: 'reg-wcc-1' });
    expect(retry.status).toBe(first.status);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(await eventCount(t)).toBe(1);
    const misuse = await send(
      t,
      '/partners',
      { ...body, name: 'Other' },
      { token: await admin(), idempotencyKey: 'reg-wcc-1' },
    );
    expectProblem(misuse, 422, 'idempotency-key-reused');
  });

  it('records a succession only to a successor the handler finds registered', async () => {
    await register();
    const refused = await send(
      t,
      '/partners/cw-ccg/succession',
      { successorId: 'cw-icb', effectiveFrom: '2022-07-01' },
      { token: await admin() },
    );
    expectProblem(refused, 422, 'successor-not-registered');
    await register('cw-icb', 'Coventry and Warwickshire ICB');
    const ok = await send(
      t,
      '/partners/cw-ccg/succession',
      { successorId: 'cw-icb', effectiveFrom: '2022-07-01' },
      { token: await admin() },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.events).toEqual(['partner-succeeded']);
  });
});
