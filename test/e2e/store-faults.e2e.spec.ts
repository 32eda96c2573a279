import { EVENT_STORE } from '../../src/ledger/event-store.port';
import type { SqliteEventStore } from '../../src/ledger/sqlite/sqlite-event-store';
import { eventCount, expectProblem, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Store faults on the SQLite engine answer 503 with a stable code, never 500. The faults are made
 * by SQLite itself on the engine's own connection (SqliteEventStore.faultForTests): a page cap for
 * a full disk, query_only for a read-only file. chmod would not do: the tests (and CI) run as root,
 * whom file permissions do not stop; query_only raises the same SQLITE_READONLY a read-only file does.
 */
describe('store faults on SQLite (e2e)', () => {
  let t: TestApp;
  let engine: SqliteEventStore;
  beforeEach(async () => {
    t = await startTestApp({ LEDGER_STORE: 'sqlite' });
    engine = t.app.get(EVENT_STORE);
  });
  afterEach(async () => {
    engine.faultForTests('none');
    await t.close();
  });
  const admin = () => t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
  /** A body large enough to need new pages of the file: a full disk refuses it. */
  const register = async (partnerId: string) =>
    send(t, '/partners', { partnerId, name: `Partner ${partnerId} ${'x'.repeat(150)}`, kind: 'health' }, { token: await admin() });

  it('given the disk is full, when a partner is registered, then 503 storage-full with Retry-After, naming the event store, and nothing is written', async () => {
    await register('first-partner');
    const before = await eventCount(t);
    engine.faultForTests('storage-full');
    let res = await register('second-partner');
    // A write may still fit in a page that has room: keep writing until the cap is met.
    for (let i = 0; res.status === 201 && i < 200; i++) res = await register(`filler-${i}`);
    expectProblem(res, 503, 'storage-full');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ part: 'event-store', outcomeUnknown: false });
    expect(res.body.detail).toMatch(/nothing was written/i);
    engine.faultForTests('none');
    expect((await t.store.readAll()).length).toBeGreaterThanOrEqual(before);
    expect((await register('after-freed')).status).toBe(201);
  });

  it('given the ledger file is read-only, when a partner is registered, then 503 store-read-only and nothing is written', async () => {
    await register('first-partner');
    engine.faultForTests('read-only');
    const res = await register('second-partner');
    expectProblem(res, 503, 'store-read-only');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ part: 'event-store', outcomeUnknown: false });
    engine.faultForTests('none');
    expect(await eventCount(t)).toBe(1);
  });

  it('given the ledger file is read-only, when /health is asked, then 503 with its body intact naming the event store down and why', async () => {
    engine.faultForTests('read-only');
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'down', parts: { eventStore: { status: 'down', reason: expect.stringMatching(/read-only/) } } });
  });

  it('given the disk is full, when /health is asked, then 503 naming the event store down for storage', async () => {
    engine.faultForTests('storage-full');
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'down', parts: { eventStore: { status: 'down', reason: expect.stringMatching(/space|full/) } } });
  });

  it('given every store is well, when /health is asked, then 200 naming each part up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'up',
      parts: {
        eventStore: { status: 'up', engine: 'sqlite' }, readModelStore: { status: 'up' }, keyStore: { status: 'up' }, idempotencyStore: { status: 'up' },
        packQueue: { status: expect.any(String) }, digestSchedule: { status: expect.any(String) }, retentionSchedule: { status: expect.any(String) },
      },
    });
    expect(res.json().parts.projections['action-log']).toMatchObject({ status: 'up', state: 'running', lag: { behind: 0 }, lastError: null });
  });
});
