import { decodeJwt } from 'jose';
import { SseHeartbeat } from '../../src/read-models/sse/sse-heartbeat';
import { newEvent } from '../support/events';
import { ended, messages, openStream, readUntil, type SseMessage } from '../support/sse';
import type { BudgetEvent } from '../../src/funding';
import { budgetSet, budgetStream, pledged } from './support/budget-events';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/** Every projection's Server-Sent Events endpoint: they share one mechanism, and each is held to it. */
const STREAMS = ['/action-log/stream', '/budgets/stream', '/decision-register/stream', '/escalation-trail/stream'];
const START = new Date('2022-11-21T12:00:00Z');
const MEETING = 'wseb-2022-05-10';

describe('projection streams: keepalive, token expiry and Last-Event-ID', () => {
  let t: ProjectionsTestApp;
  beforeAll(async () => {
    t = await startProjectionsApp();
    await t.app.listen(0, '127.0.0.1');
    await t.store.append(
      `meeting-${MEETING}`,
      [
        newEvent('meeting-scheduled', {
          meetingId: MEETING,
          boardId: 'wseb',
          scheduledFor: '2022-05-10T09:30:00.000Z',
        }),
      ],
      'no_stream',
    );
  });
  afterEach(() => t.clock.set(START));
  afterAll(() => t.close());

  const auditor = () => t.token({ role: 'auditor', userId: 'audit-1' });
  /** The clock just past the token's exp (tokens are minted by wall time; the app reads the injected clock). */
  const expire = (token: string) => t.clock.set(new Date(decodeJwt(token).exp! * 1000 + 1));
  const append = async (streamId: string, type: string, data: object) =>
    (await t.store.append(streamId, [newEvent(type, data)], 'any')).position;
  const raise = (actionId: string) =>
    append(`action-${actionId}`, 'action-raised', {
      actionId,
      meetingId: MEETING,
      itemNumber: 1,
      text: `Do ${actionId}`,
      owners: [{ kind: 'team', name: 'All' }],
      dueDate: '2022-06-30',
    });
  const applied = async (position: number) => {
    await t.runner.waitFor(position);
    return position;
  };
  const actions = (ms: SseMessage[]) =>
    ms
      .filter((m) => m.event === 'action')
      .map((m) => ({ id: m.id, ...(JSON.parse(m.data!) as { actionId: string; dueDate: string }) }));

  describe.each(STREAMS)('GET %s', (path) => {
    it('given an open stream, when the heartbeat beats (every 15 s), then a ": keepalive" comment is sent and the stream stays open', async () => {
      const res = await openStream(t.app, path, await auditor());
      expect(res.statusCode).toBe(200);
      const text = readUntil(res, (s) => s.includes(': keepalive\n\n'));
      t.app.get(SseHeartbeat).beat();
      expect(await text).toContain(': keepalive\n\n');
      expect(res.readableEnded).toBe(false);
      res.destroy();
    });

    it("given an open stream, when the clock passes its token's exp, then at the next beat it sends auth-expired (with the position the stream started at as id, not a counter) and ends", async () => {
      const head = await applied((await t.store.readAll()).at(-1)!.position);
      const token = await auditor();
      const res = await openStream(t.app, path, token);
      expect(res.statusCode).toBe(200);
      const text = readUntil(res, (s) => s.includes('event: auth-expired'));
      expire(token);
      t.app.get(SseHeartbeat).beat();
      const last = messages(await text).at(-1)!;
      // Nothing was sent: reconnecting after the checkpoint the stream opened at misses nothing.
      expect(last).toMatchObject({ event: 'auth-expired', id: String(head) });
      expect(JSON.parse(last.data!)).toEqual({
        code: 'auth-expired',
        title: expect.any(String),
        expiredAt: new Date(decodeJwt(token).exp! * 1000).toISOString(),
      });
      expect(await ended(res)).toBe(true);
    });

    it.each([
      ['header', 'abc'],
      ['header', '-1'],
      ['header', '007'],
      ['header', '1e3'],
      ['header', '99999999999999999'],
      ['query', 'x1'],
    ])(
      'given a malformed Last-Event-ID in the %s (%s), then 400 invalid-last-event-id as problem+json, and no stream',
      async (where, id) => {
        const res =
          where === 'header'
            ? await openStream(t.app, path, await auditor(), { 'last-event-id': id })
            : await openStream(t.app, `${path}?lastEventId=${encodeURIComponent(id)}`, await auditor());
        const body = await readUntil(res, () => false);
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(JSON.parse(body)).toMatchObject({ status: 400, code: 'invalid-last-event-id' });
      },
    );

    it('documents keepalive, resume (Last-Event-ID header, lastEventId query, 400) and auth-expired in OpenAPI', async () => {
      const op = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json().paths[path].get;
      for (const words of [/keepalive/, /Last-Event-ID/, /auth-expired/, /15 s/]) expect(op.description).toMatch(words);
      expect(op.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'Last-Event-ID', in: 'header', required: false }),
          expect.objectContaining({ name: 'lastEventId', in: 'query', required: false }),
        ]),
      );
      expect(Object.keys(op.responses['200'].content)).toEqual(['text/event-stream']);
      expect(op.responses['400'].description).toContain('invalid-last-event-id');
    });

    it('given a well-formed Last-Event-ID (header or query), then the stream opens', async () => {
      for (const res of [
        await openStream(t.app, path, await auditor(), { 'last-event-id': '0' }),
        await openStream(t.app, `${path}?lastEventId=1`, await auditor()),
      ]) {
        expect(res.statusCode).toBe(200);
        res.destroy();
      }
    });
  });

  describe('GET /action-log/stream', () => {
    it('given the token expired while the stream was open, when an action is then committed, then the stream sends auth-expired instead of it and ends', async () => {
      const token = await auditor();
      const res = await openStream(t.app, '/action-log/stream', token);
      const text = readUntil(res, (s) => s.includes('event: auth-expired') || s.includes('"actionId":"late"'));
      expire(token);
      await applied(await raise('late'));
      const received = messages(await text);
      expect(received.map((m) => m.event)).toEqual(['auth-expired']);
      expect(await ended(res)).toBe(true);
    });

    it('given Last-Event-ID p, then it first sends the current document of every action changed after p (not those unchanged since), then live ones, each once', async () => {
      await raise('r1');
      const p = await applied(await raise('r2'));
      const moved = await append('action-r1', 'action-due-date-changed', {
        actionId: 'r1',
        dueDate: '2022-09-30',
        previousDueDate: '2022-06-30',
        reason: 'Audit delayed',
      });
      const head = await applied(await raise('r3'));
      const res = await openStream(t.app, '/action-log/stream', await auditor(), { 'last-event-id': String(p) });
      expect(res.statusCode).toBe(200);
      const text = readUntil(res, (s) => s.includes('"actionId":"r4"'));
      const live = await raise('r4');
      const sent = actions(messages(await text));
      res.destroy();
      expect(sent.map((a) => a.actionId)).toEqual(['r1', 'r3', 'r4']);
      // Each at the position of its last change, in that order.
      expect(sent[0]).toMatchObject({ dueDate: '2022-09-30', id: String(moved) });
      expect(sent[1].id).toBe(String(head));
      expect(Number(sent[2].id)).toBeGreaterThanOrEqual(live);
    });

    it('given Last-Event-ID in the lastEventId query parameter, then it resumes just as with the header', async () => {
      const p = await applied(await raise('q1'));
      const head = await applied(await raise('q2'));
      const res = await openStream(t.app, `/action-log/stream?lastEventId=${p}`, await auditor());
      const text = readUntil(res, (s) => s.includes('"actionId":"q2"'));
      const sent = actions(messages(await text));
      res.destroy();
      expect(sent).toEqual([expect.objectContaining({ actionId: 'q2', id: String(head) })]);
    });

    it('given Last-Event-ID at the head, or past it, then nothing old is sent and live actions still arrive', async () => {
      const head = await applied(await raise('h1'));
      for (const [id, next] of [
        [String(head), 'h2'],
        ['9007199254740991', 'h3'],
      ]) {
        const res = await openStream(t.app, '/action-log/stream', await auditor(), { 'last-event-id': id });
        expect(res.statusCode).toBe(200);
        const text = readUntil(res, (s) => s.includes(`"actionId":"${next}"`));
        await raise(next);
        const sent = actions(messages(await text));
        res.destroy();
        expect(sent.map((a) => a.actionId)).toEqual([next]);
      }
    });

    it('given a resumed stream whose token then expires, then auth-expired carries the last id sent, for the client to resume from', async () => {
      const p = await applied(await raise('e1'));
      const head = await applied(await raise('e2'));
      const token = await auditor();
      const res = await openStream(t.app, '/action-log/stream', token, { 'last-event-id': String(p) });
      // Expire only once the resumed document has arrived (the resume reads the log first, which takes
      // longer on some engines), then beat so the expiry is noticed at once.
      let expired = false;
      const text = readUntil(res, (s) => {
        if (!expired && s.includes('event: action')) {
          expired = true;
          expire(token);
          t.app.get(SseHeartbeat).beat();
        }
        return s.includes('event: auth-expired');
      });
      const received = messages(await text);
      expect(received.filter((m) => m.event).map((m) => [m.event, m.id])).toEqual([
        ['action', String(head)],
        ['auth-expired', String(head)],
      ]);
    });
  });

  describe('GET /budgets/stream', () => {
    it('given Last-Event-ID p, then it first sends the contributions view of each year changed after p, and no partner documents', async () => {
      const appendBudget = (e: BudgetEvent) => append(budgetStream(e), e.type, e.data);
      const p = await applied(await appendBudget(budgetSet('2030-31', 200_000)));
      await append('partner-wcc', 'partner-registered', {
        partnerId: 'wcc',
        name: 'WCC',
        kind: 'local-authority',
        statutory: true,
      });
      const head = await applied(await appendBudget(pledged('2030-31', 'p1', 'wcc', 5_000)));
      const res = await openStream(t.app, '/budgets/stream', await auditor(), { 'last-event-id': String(p) });
      const text = readUntil(res, (s) => s.includes('event: budget'));
      const sent = messages(await text).filter((m) => m.data !== undefined);
      res.destroy();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ event: 'budget', id: String(head) });
      expect(JSON.parse(sent[0].data!)).toMatchObject({
        financialYear: '2030-31',
        contributions: expect.objectContaining({ agreedPence: 5_000 }),
      });
    });
  });

  describe('GET /decision-register/stream', () => {
    it('given Last-Event-ID p, then it first sends each decision recorded after p, never the meeting documents changed after p', async () => {
      const p = await applied(
        await append(`meeting-${MEETING}`, 'agenda-item-added', {
          meetingId: MEETING,
          itemNumber: 8,
          label: '8',
          title: 'Before',
        }),
      );
      await append(`meeting-${MEETING}`, 'agenda-item-added', {
        meetingId: MEETING,
        itemNumber: 9,
        label: '9',
        title: 'Resume',
      });
      const head = await applied(
        await append('decision-dr1', 'decision-recorded', {
          decisionId: 'dr1',
          meetingId: MEETING,
          itemNumber: 9,
          outcome: 'noted',
          text: 'Noted',
          conditions: [],
          responsiblePartnerIds: [],
        }),
      );
      const res = await openStream(t.app, '/decision-register/stream', await auditor(), { 'last-event-id': String(p) });
      const text = readUntil(res, (s) => s.includes('event: decision'));
      const sent = messages(await text).filter((m) => m.data !== undefined);
      res.destroy();
      expect(sent.map((m) => [m.event, m.id])).toEqual([['decision', String(head)]]);
      expect(JSON.parse(sent[0].data!)).toMatchObject({ kind: 'decision', decisionId: 'dr1', outcome: 'noted' });
    });
  });
});
