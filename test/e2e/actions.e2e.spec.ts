import { eventCount, expectProblem, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

type Res = Awaited<ReturnType<typeof send>>;
const ACTION = 'wseb-2022-05-10-a1';
const raiseBody = {
  actionId: ACTION, meetingId: 'wseb-2022-05-10', itemNumber: 2, text: 'Add escalation to the June agenda for an update.',
  owners: [{ kind: 'team', name: 'WS Business Team' }], targetMeetingId: 'wseb-2022-06-07', dueDate: '2022-06-01',
};
const fieldsOf = (res: Res) => (res.body.errors as { field: string }[]).map((e) => e.field).sort();

describe('actions (e2e)', () => {
  let t: TestApp;
  let base: number;
  const admin = () => t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
  const ok = (res: Res, status = 200) => { expect({ status: res.status, body: res.body }).toEqual({ status, body: expect.objectContaining({ id: expect.any(String) }) }); return res; };
  const written = async () => (await eventCount(t)) - base;
  const raise = (body: object = {}) => send(t, '/actions', { ...raiseBody, ...body });
  const streamOf = (id = ACTION) => t.store.readStream(`action-${id}`);

  /** The partnership as the minutes need it: a partner, a person, a board and four meetings (one closed). */
  beforeEach(async () => {
    t = await startTestApp();
    const token = await admin();
    ok(await send(t, '/partners', { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' }, { token }), 201);
    ok(await send(t, '/people', { personId: 'amrita-sharma', name: 'Amrita Sharma', partnerId: 'warwickshire-police' }, { token }), 201);
    ok(await send(t, '/boards', { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' }, { token }), 201);
    for (const [meetingId, scheduledFor] of [['wseb-2022-03-08', '2022-03-08T10:00:00Z'], ['wseb-2022-05-10', '2022-05-10T10:00:00Z'], ['wseb-2022-06-07', '2022-06-07T10:00:00Z'], ['wseb-2022-07-12', '2022-07-12T10:00:00Z']]) {
      ok(await send(t, '/meetings', { meetingId, boardId: 'wseb', scheduledFor }), 201);
    }
    for (const itemNumber of [1, 2]) ok(await send(t, '/meetings/wseb-2022-05-10/agenda-items', { itemNumber, title: `Item ${itemNumber}` }));
    ok(await send(t, '/meetings/wseb-2022-03-08/close', {}));
    base = await eventCount(t);
  });
  afterEach(async () => { await t.close(); });

  describe('POST /actions (raise)', () => {
    it('raises an action with person, partner and team owners: 201, ETag "0", the event with the token actor', async () => {
      const owners = [{ kind: 'person', personId: 'amrita-sharma' }, { kind: 'partner', partnerId: 'warwickshire-police' }, { kind: 'team', name: 'All' }];
      const res = await raise({ owners, occurredAt: '2022-05-10T12:00:00Z' });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"0"');
      expect(res.body).toMatchObject({ id: ACTION, streamId: `action-${ACTION}`, revision: 0, events: ['action-raised'] });
      const [event] = await streamOf();
      expect(event.data).toEqual({ ...raiseBody, owners });
      expect(event.metadata).toMatchObject({ actor: { userId: 'amrita-sharma', role: 'business-manager' }, occurredAt: '2022-05-10T12:00:00.000Z' });
    });

    it('refuses invalid fields with 400 naming each one (owner fields checked against the kind), and writes nothing', async () => {
      const res = await send(t, '/actions', {
        actionId: 'Bad Id', meetingId: 'wseb-2022-05-10', itemNumber: 0, text: '', dueDate: '2022-06-01T10:00:00Z', extra: 1,
        owners: [{ kind: 'person', name: 'Amrita' }, { kind: 'team', name: '' }, { kind: 'board' }],
      });
      expectProblem(res, 400, 'validation-failed');
      expect(fieldsOf(res)).toEqual(['actionId', 'dueDate', 'extra', 'itemNumber', 'owners.0.name', 'owners.0.personId', 'owners.1.name', 'owners.2.kind', 'text']);
      const none = await raise({ owners: [] });
      expect(fieldsOf(none)).toEqual(['owners']);
      const tooMany = await raise({ owners: Array.from({ length: 11 }, (_, i) => ({ kind: 'team', name: `Team ${i}` })) });
      expect(fieldsOf(tooMany)).toEqual(['owners']);
      expect(await written()).toBe(0);
    });

    it.each([
      ['an unrecorded meeting', { meetingId: 'wseb-2099-01-01' }, 422, 'meeting-not-found'],
      ['an item the meeting does not have', { itemNumber: 7 }, 422, 'agenda-item-not-found'],
      ['a closed meeting', { meetingId: 'wseb-2022-03-08', targetMeetingId: undefined }, 409, 'meeting-closed'],
      ['an unregistered person owner', { owners: [{ kind: 'person', personId: 'caroline-mccluskey' }] }, 422, 'owner-not-found'],
      ['the same owner twice', { owners: [{ kind: 'team', name: 'All' }, { kind: 'team', name: 'all' }] }, 422, 'duplicate-owner'],
      ['neither due date nor target meeting', { dueDate: undefined, targetMeetingId: undefined }, 422, 'due-date-or-target-meeting-required'],
      ['an unrecorded target meeting', { targetMeetingId: 'wseb-2022-08' }, 422, 'target-meeting-not-found'],
      ['a target meeting before the raising meeting', { targetMeetingId: 'wseb-2022-03-08' }, 422, 'target-meeting-not-later'],
    ])('refuses %s with a stable code and writes nothing', async (_, body, status, code) => {
      expectProblem(await raise(body), status, code);
      expect(await written()).toBe(0);
    });

    it('refuses raising the same action twice (409 action-exists) and writes nothing more', async () => {
      ok(await raise(), 201);
      expectProblem(await raise({ text: 'Another' }), 409, 'action-exists');
      expect(await written()).toBe(1);
    });

    it('answers 412 for a stale If-Match on a new action', async () => {
      expectProblem(await send(t, '/actions', raiseBody, { ifMatch: '"0"' }), 412, 'wrong-expected-revision');
      expect(await written()).toBe(0);
    });

    it('returns the first result for a retried Idempotency-Key and writes nothing twice', async () => {
      const first = await send(t, '/actions', raiseBody, { idempotencyKey: 'raise-a1' });
      const retry = await send(t, '/actions', raiseBody, { idempotencyKey: 'raise-a1' });
      expect(first.status).toBe(201);
      expect({ status: retry.status, body: retry.body, etag: retry.headers.etag }).toEqual({ status: first.status, body: first.body, etag: first.headers.etag });
      expect(await written()).toBe(1);
    });

    it('lets a member note progress but not raise (403), and refuses a request without a token (401)', async () => {
      const member = await t.token({ userId: 'pete-hill', role: 'member', agency: 'warwickshire-police' });
      expectProblem(await send(t, '/actions', raiseBody, { token: member }), 403, 'forbidden');
      expectProblem(await send(t, '/actions', raiseBody, { token: null }), 401, 'unauthenticated');
      ok(await raise(), 201);
      ok(await send(t, `/actions/${ACTION}/progress`, { note: 'Added to the June agenda' }, { token: member }));
      expectProblem(await send(t, `/actions/${ACTION}/cancel`, { reason: 'x' }, { token: member }), 403, 'forbidden');
      expect(await written()).toBe(2);
    });
  });
});
