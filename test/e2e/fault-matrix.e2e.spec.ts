import { IDEMPOTENCY_STORE } from '../../src/http/idempotency/idempotency.store';
import { EsdbEventStore } from '../../src/ledger/esdb/esdb-event-store';
import { EVENT_STORE, type EventStore } from '../../src/ledger/event-store.port';
import { ManualClock } from '../../src/shared/clock';
import { SUBJECT_KEYS } from '../../src/privacy/services';
import { ProjectionRunner } from '../../src/read-models/projection-runner';
import { PROJECTIONS } from '../../src/read-models/projections.module';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { expectProblem, send, sendRetryingTransient } from '../support/http';
import { sqliteFault, type SqliteFault } from '../support/sqlite-faults';
import { openStream, readUntil } from '../support/sse';
import { startTestApp, type TestApp } from '../support/test-app';
import { dump } from '../read-models/support/runner-harness';

/**
 * The fault matrix (issue 11): for each store fault, through HTTP on the real app, a command during
 * the fault answers 503 with a stable code and writes nothing; /health answers 503 with its body
 * naming the failed part; once the fault is lifted the service heals WITHOUT a restart (health back
 * to 200, the same command accepted); and the read models end equal to a fresh rebuild from the
 * ledger. Every wait is a wait for a condition with a generous limit: nothing depends on the
 * machine's speed. (The "second process" row lives with the data-directory lock's suite.)
 */

type Res = Awaited<ReturnType<typeof send>>;
type Health = { status: number; body: { status: string; parts: Record<string, any> } }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Polls `probe` every 50 ms until `ok` holds (90 s at most: generous, a busy machine is only slower). */
async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string, limitMs = 90_000): Promise<T> {
  let last: T | undefined;
  for (const end = Date.now() + limitMs; Date.now() < end;) {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 2000)}`);
}

async function health(t: TestApp): Promise<Health> {
  const res = await t.app.inject({ method: 'GET', url: '/health' });
  return { status: res.statusCode, body: res.json() };
}

const admin = (t: TestApp) => t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });

/**
 * A board, a meeting and an action: documents in the read models before the fault. Written as a
 * client honouring Retry-After would (the suites' short store deadline can meet a healthy write on a
 * loaded machine), so the setup does not depend on the machine's speed.
 */
async function given(t: TestApp): Promise<void> {
  const healthySend = (url: string, body: unknown, key: string, token?: string) =>
    sendRetryingTransient(t, url, body, { token, idempotencyKey: `given-${key}` });
  const created = (res: Res) =>
    expect({ status: res.status, body: res.body }).toEqual({
      status: 201,
      body: expect.objectContaining({ id: expect.any(String) }),
    });
  created(
    await healthySend(
      '/boards',
      { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' },
      'board',
      await admin(t),
    ),
  );
  created(
    await healthySend(
      '/meetings',
      { meetingId: 'wseb-2022-05-10', boardId: 'wseb', scheduledFor: '2022-05-10T10:00:00Z' },
      'meeting',
    ),
  );
  expect(
    (await healthySend('/meetings/wseb-2022-05-10/agenda-items', { itemNumber: 1, title: 'Escalations' }, 'item'))
      .status,
  ).toBe(200);
  created(await raiseOnceHealthy(t, 'wseb-2022-05-10-a1'));
}

/** The command every row sends during and after the fault. */
function raiseBody(actionId: string) {
  return {
    actionId,
    meetingId: 'wseb-2022-05-10',
    itemNumber: 1,
    text: `Update the escalation policy (${actionId}).`,
    owners: [{ kind: 'team', name: 'WS Business Team' }],
    dueDate: '2022-06-30',
  };
}

function raise(t: TestApp, actionId: string, idempotencyKey?: string): Promise<Res> {
  return send(t, '/actions', raiseBody(actionId), { idempotencyKey });
}

/** The command sent once the store is healthy (or healed), retried on a transient 503 with one Idempotency-Key. */
function raiseOnceHealthy(t: TestApp, actionId: string, idempotencyKey = `raise-${actionId}`): Promise<Res> {
  return sendRetryingTransient(t, '/actions', raiseBody(actionId), { idempotencyKey });
}

/**
 * An SSE stream of the action log, opened before the fault: it must stay open through the fault
 * and the projection's resubscription, and carry the document of `actionId` once it is written.
 */
async function streamUntil(t: TestApp, actionId: string): Promise<{ received: Promise<string>; close(): void }> {
  await t.app.listen(0, '127.0.0.1');
  const res = await openStream(t.app, '/action-log/stream', await t.token());
  expect(res.statusCode).toBe(200);
  return { received: readUntil(res, (text) => text.includes(`"actionId":"${actionId}"`)), close: () => res.destroy() };
}

/**
 * The test's own view of the ledger, apart from the app's: on EventStoreDB a second client with a
 * generous deadline, since the app's store is bounded by the suite's short STORE_DEADLINE_MS, which
 * a whole-log read on a loaded machine can meet (a speed dependence); on SQLite the app's store.
 */
const ledgers = new WeakMap<TestApp, EventStore>();
const ledger = (t: TestApp): EventStore => ledgers.get(t) ?? t.store;

async function eventCount(t: TestApp): Promise<number> {
  return (await ledger(t).readAll()).length;
}

async function healthy(t: TestApp): Promise<Health> {
  // 'up', not merely 200: the optional parts (the pack queue) must have healed too.
  return until(
    () => health(t),
    (h) => h.status === 200 && h.body.status === 'up',
    '/health to answer 200, every part up',
  );
}

/** Every projection has applied the whole log, and each one's documents equal a fresh rebuild's. */
async function expectReadModelsEqualRebuild(t: TestApp, mustHold: string[]): Promise<void> {
  const head = (await ledger(t).readAll()).at(-1)!.position;
  await t.app.get(ProjectionRunner).waitFor(head, 90_000);
  const fresh = new ReadModelStore(':memory:');
  try {
    const rebuild = new ProjectionRunner(ledger(t), fresh, PROJECTIONS, { batchMs: 5 });
    rebuild.start();
    try {
      await rebuild.waitFor(head, 90_000);
    } finally {
      await rebuild.stop();
    }
    const live = t.app.get(ReadModelStore);
    for (const { name } of PROJECTIONS) expect({ [name]: dump(live, name) }).toEqual({ [name]: dump(fresh, name) });
    // Not vacuous: the actions written before, during and after the fault are there.
    expect(Object.keys(dump(live, 'action-log'))).toEqual(expect.arrayContaining(mustHold.map((a) => `action:${a}`)));
  } finally {
    fresh.close();
  }
}

/** Every SQLite file the app writes (the ledger, read models, personal-data keys, idempotency records). */
function sqliteStores(t: TestApp): Record<'eventStore' | 'readModelStore' | 'keyStore' | 'idempotencyStore', object> {
  return {
    eventStore: t.app.get(EVENT_STORE),
    readModelStore: t.app.get(ReadModelStore),
    keyStore: t.app.get(SUBJECT_KEYS),
    idempotencyStore: t.app.get(IDEMPOTENCY_STORE),
  };
}

function faultAll(t: TestApp, fault: SqliteFault): void {
  for (const store of Object.values(sqliteStores(t))) sqliteFault(store, fault);
}

describe('fault matrix (e2e)', () => {
  describe('on SQLite', () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp({ LEDGER_STORE: 'sqlite', STORE_DEADLINE_MS: '2000' });
      await given(t);
      await healthy(t);
    });
    afterEach(async () => {
      faultAll(t, 'none');
      await t.close();
    });

    it('given the disk full, then commands answer 503 storage-full writing nothing and /health names the event store; when freed, then it heals without a restart and read models equal a rebuild', async () => {
      const before = await eventCount(t);
      faultAll(t, 'storage-full');
      // A write may still fit in a page with room left (as on a real disk): write until the cap is met.
      let accepted = 0;
      let res = await raise(t, 'full-0');
      for (; res.status === 201 && accepted < 300; res = await raise(t, `full-${accepted}`)) accepted++;
      expectProblem(res, 503, 'storage-full');
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      const down = await until(
        () => health(t),
        (h) => h.status === 503,
        '/health to answer 503',
      );
      expect(down.body).toMatchObject({
        status: 'down',
        parts: { eventStore: { status: 'down', reason: expect.stringMatching(/space|full/i) } },
      });

      faultAll(t, 'none');
      await healthy(t);
      expect(await eventCount(t)).toBe(before + accepted); // the refused command wrote nothing
      const again = await raiseOnceHealthy(t, `full-${accepted}`);
      expect(again.status).toBe(201);
      await expectReadModelsEqualRebuild(t, ['wseb-2022-05-10-a1', `full-${accepted}`]);
    });

    it('given the read-model file read-only, then projections retry (and /health says why) while writes go on; given every file read-only, then commands answer 503 store-read-only writing nothing; when writable, then it heals without a restart and read models equal a rebuild', async () => {
      const stores = sqliteStores(t);
      sqliteFault(stores.readModelStore, 'read-only');
      expect((await raiseOnceHealthy(t, 'while-read-models-read-only')).status).toBe(201);
      const projections = await until(
        () => health(t),
        (h) => h.body.parts.projections?.['action-log']?.status === 'down',
        "/health to name action-log's failure",
      );
      expect(projections.status).toBe(503);
      expect(projections.body.parts.projections['action-log']).toMatchObject({
        state: 'retrying',
        reason: expect.stringMatching(/read-?only/i),
      });
      expect(projections.body.parts.readModelStore).toMatchObject({
        status: 'down',
        reason: expect.stringMatching(/read-?only/i),
      });

      faultAll(t, 'read-only');
      const before = await eventCount(t);
      const res = await raise(t, 'while-read-only');
      expectProblem(res, 503, 'store-read-only');
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      const down = await health(t);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'down',
        parts: { eventStore: { status: 'down', reason: expect.stringMatching(/read-?only/i) } },
      });
      expect(await eventCount(t)).toBe(before);

      faultAll(t, 'none');
      const up = await healthy(t);
      expect(up.body.parts.projections['action-log']).toMatchObject({ status: 'up', state: 'running' });
      expect((await raiseOnceHealthy(t, 'while-read-only')).status).toBe(201);
      await expectReadModelsEqualRebuild(t, ['wseb-2022-05-10-a1', 'while-read-models-read-only', 'while-read-only']);
    });
  });

  describe('on EventStoreDB (the protocol fake)', () => {
    let fake: EsdbProtocolFake;
    let t: TestApp;
    beforeEach(async () => {
      fake = await startEsdbProtocolFake({ batchAppend: true });
      t = await startTestApp({
        LEDGER_STORE: 'esdb',
        ESDB_CONNECTION_STRING: fake.connectionString,
        STORE_DEADLINE_MS: '1500',
      });
      ledgers.set(t, new EsdbEventStore(fake.connectionString, new ManualClock(), 120_000));
      await given(t);
      await healthy(t);
      await until(
        async () => fake.liveSubscriptions(),
        (n) => n >= PROJECTIONS.length,
        'every projection to subscribe',
      );
    });
    afterEach(async () => {
      fake.resume();
      await fake.restart();
      await ledgers.get(t)?.close();
      await t.close();
      await fake.stop();
    });

    it('given the store stopped, then commands answer 503 store-unavailable writing nothing and /health names the event store and the projections; when restarted, then it heals without a restart of ours and read models equal a rebuild', async () => {
      const before = await eventCount(t);
      const sse = await streamUntil(t, 'while-stopped');
      await fake.stop();
      const res = await raise(t, 'while-stopped');
      expectProblem(res, 503, 'store-unavailable');
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      const down = await until(
        () => health(t),
        (h) => h.status === 503 && h.body.parts.projections?.['action-log']?.status === 'down',
        '/health to name the store and the projections',
      );
      expect(down.body).toMatchObject({
        status: 'down',
        parts: { eventStore: { status: 'down', engine: 'esdb', reason: expect.any(String) } },
      });
      expect(down.body.parts.projections['action-log']).toMatchObject({
        state: 'retrying',
        retry: { attempt: expect.any(Number), nextRetryAt: expect.any(String) },
      });
      const queue = await until(
        () => health(t),
        (h) => h.body.parts.packQueue?.state === 'retrying',
        '/health to say the pack queue lost the log',
      );
      expect(queue.body.parts.packQueue).toMatchObject({ status: 'degraded', retry: { attempt: expect.any(Number) } });

      await fake.restart();
      const up = await healthy(t);
      expect(Object.values(up.body.parts.projections).map((p) => (p as { state: string }).state)).toEqual(
        PROJECTIONS.map(() => 'running'),
      );
      expect(up.body.parts.packQueue).toMatchObject({ status: 'up', state: 'following' });
      expect(await eventCount(t)).toBe(before);
      expect((await raiseOnceHealthy(t, 'while-stopped')).status).toBe(201);
      await until(
        async () => fake.liveSubscriptions(),
        (n) => n >= PROJECTIONS.length,
        'every projection to resubscribe',
      );
      expect(await sse.received).toContain('"actionId":"while-stopped"'); // the same stream, open throughout
      sse.close();
      await expectReadModelsEqualRebuild(t, ['wseb-2022-05-10-a1', 'while-stopped']);
    });

    it('given the store hung, then a command answers 503 store-deadline-exceeded and /health names the event store; when resumed, then it heals and nothing was written', async () => {
      const before = await eventCount(t);
      fake.hang();
      const res = await raise(t, 'while-hung', 'raise-while-hung');
      expectProblem(res, 503, 'store-deadline-exceeded');
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      const down = await health(t);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'down',
        parts: { eventStore: { status: 'down', reason: expect.stringMatching(/deadline/i) } },
      });

      fake.resume();
      await healthy(t);
      expect(await eventCount(t)).toBe(before);
      expect((await raiseOnceHealthy(t, 'while-hung')).status).toBe(201);
      await expectReadModelsEqualRebuild(t, ['wseb-2022-05-10-a1', 'while-hung']);
    });

    it('given appends hung (the write reaches the store, no answer comes), then 503 outcome-unknown; when resumed, then the retry with the same Idempotency-Key is recorded once and read models equal a rebuild', async () => {
      const before = await eventCount(t);
      fake.hang(['append', 'batchAppend']);
      const res = await raise(t, 'append-hung', 'raise-append-hung');
      expectProblem(res, 503, 'outcome-unknown');
      expect(res.body).toMatchObject({ outcomeUnknown: true, fault: 'store-deadline-exceeded', part: 'event-store' });
      expect(res.headers['retry-after']).toMatch(/^\d+$/);

      fake.resume();
      await healthy(t);
      const retry = await raiseOnceHealthy(t, 'append-hung');
      expect(retry.status).toBe(201);
      expect((await ledger(t).readStream('action-append-hung')).length).toBe(1);
      expect(await eventCount(t)).toBe(before + 1);
      await expectReadModelsEqualRebuild(t, ['wseb-2022-05-10-a1', 'append-hung']);
    });

    it('given every subscription dropped by the server, then writes go on (at worst a 503 while the client reconnects), each projection and the pack queue resubscribe by themselves, nothing is lost, and read models equal a rebuild', async () => {
      const live = fake.liveSubscriptions();
      const sse = await streamUntil(t, 'after-drop');
      expect(fake.dropSubscriptions()).toBe(live);
      // The client reconnects after an UNAVAILABLE drop: a write racing that may be refused with a
      // 503 (nothing written), never a 500; retried with its Idempotency-Key it is recorded once.
      const answers: string[] = [];
      await until(
        () => raise(t, 'after-drop', 'raise-after-drop'),
        (r) => {
          answers.push(r.status === 201 ? '201' : `${r.status} ${r.body?.code}`);
          return r.status === 201;
        },
        'the write to be accepted',
      );
      // A loaded machine may also meet the short deadline: any transient 503 is fine, a 500 never.
      expect(
        answers.filter((a) => !/^(201|503 (store-unavailable|store-deadline-exceeded|outcome-unknown))$/.test(a)),
      ).toEqual([]);
      expect((await ledger(t).readStream('action-after-drop')).length).toBe(1);
      await until(
        async () => fake.liveSubscriptions(),
        (n) => n >= live,
        'every subscriber to resubscribe',
      );
      expect(t.logs!.join('\n')).toMatch(/Projection action-log failed \(attempt 1\), retrying from its checkpoint/);
      const up = await healthy(t);
      expect(up.body.parts.packQueue).toMatchObject({ status: 'up' });
      expect(await sse.received).toContain('"actionId":"after-drop"'); // the same stream, open throughout
      sse.close();
      await expectReadModelsEqualRebuild(t, ['wseb-2022-05-10-a1', 'after-drop']);
    });
  });
});
