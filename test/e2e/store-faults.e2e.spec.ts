import type Database from 'better-sqlite3';
import { IDEMPOTENCY_STORE } from '../../src/http/idempotency/idempotency.store';
import { EVENT_STORE } from '../../src/ledger/event-store.port';
import { SUBJECT_KEYS } from '../../src/privacy/services';
import { ReadModelStore } from '../../src/read-models/read-model-store';
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
    send(
      t,
      '/partners',
      { partnerId, name: `Partner ${partnerId} ${'x'.repeat(150)}`, kind: 'health' },
      { token: await admin() },
    );

  it('given the disk is full, when a partner is registered, then 503 storage-full with Retry-After, naming the event store, and nothing is written', async () => {
    await register('first-partner');
    engine.faultForTests('storage-full');
    // A write may still fit in a page that has room: keep writing until the cap is met.
    let before = await eventCount(t);
    let res = await register('second-partner');
    for (let i = 0; res.status === 201 && i < 200; i++) {
      before = await eventCount(t);
      res = await register(`filler-${i}`);
    }
    expectProblem(res, 503, 'storage-full');
    expect(await eventCount(t)).toBe(before);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ part: 'event-store', outcomeUnknown: false });
    expect(res.body.detail).toMatch(/nothing was written/i);
    engine.faultForTests('none');
    expect((await register('after-freed')).status).toBe(201);
    expect(await eventCount(t)).toBe(before + 1);
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
    expect(res.json()).toMatchObject({
      status: 'down',
      parts: { eventStore: { status: 'down', reason: expect.stringMatching(/read-only/) } },
    });
  });

  it('given the disk is full, when /health is asked, then 503 naming the event store down for storage', async () => {
    engine.faultForTests('storage-full');
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'down',
      parts: { eventStore: { status: 'down', reason: expect.stringMatching(/space|full/) } },
    });
  });

  /** The other stores' own connections, made read-only by SQLite (query_only), as the engine's hook does. */
  const setReadOnly = (token: unknown, on: boolean) =>
    t.app
      .get<{ db: Database.Database }>(token as never, { strict: false })
      .db.pragma(`query_only = ${on ? 'ON' : 'OFF'}`);

  it.each([
    ['keyStore', SUBJECT_KEYS],
    ['readModelStore', ReadModelStore],
    ['idempotencyStore', IDEMPOTENCY_STORE],
  ] as const)(
    'given the %s file is read-only, when /health is asked, then 503 naming that part down',
    async (part, token) => {
      setReadOnly(token, true);
      try {
        const res = await t.app.inject({ method: 'GET', url: '/health' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({
          status: 'down',
          parts: {
            [part]: { status: 'down', reason: expect.stringMatching(/read-only/) },
            eventStore: { status: 'up' },
          },
        });
      } finally {
        setReadOnly(token, false);
      }
    },
  );

  it('given the idempotency file is read-only, when a keyed write succeeds, then it answers 201 (the write is recorded) and a retry writes nothing twice', async () => {
    setReadOnly(IDEMPOTENCY_STORE, true);
    try {
      const first = await send(
        t,
        '/partners',
        { partnerId: 'keyed', name: 'Keyed', kind: 'health' },
        { token: await admin(), idempotencyKey: 'k-1' },
      );
      expect(first.status).toBe(201);
      const retry = await send(
        t,
        '/partners',
        { partnerId: 'keyed', name: 'Keyed', kind: 'health' },
        { token: await admin(), idempotencyKey: 'k-1' },
      );
      expect(retry.status).toBe(201);
      expect(retry.body).toMatchObject({ id: 'keyed', revision: 0 });
      expect(await eventCount(t)).toBe(1);
    } finally {
      setReadOnly(IDEMPOTENCY_STORE, false);
    }
  });

  it('given every store is well, when /health is asked, then 200 naming each part up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'up',
      parts: {
        eventStore: { status: 'up', engine: 'sqlite' },
        readModelStore: { status: 'up' },
        keyStore: { status: 'up' },
        idempotencyStore: { status: 'up' },
        packQueue: { status: 'up', state: 'following' },
        digestSchedule: { status: 'up', lastRound: null },
        retentionSchedule: { status: 'disabled' },
        idempotencyPrune: { status: 'up', lastRound: null },
        logTree: { status: 'up', state: 'running' },
      },
    });
    expect(res.json().parts.projections['action-log']).toMatchObject({
      status: 'up',
      state: 'running',
      lag: { behind: 0 },
      lastError: null,
    });
  });
});
