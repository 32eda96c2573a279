import { eventCount, expectProblem, expectSameAnswer, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/** Meetings are created through their own endpoints, as a client would. */
async function createMeeting(t: TestApp, meetingId: string, itemNumbers: number[], closed = false) {
  const ok = (res: { status: number }) => expect(res.status).toBeLessThan(300);
  ok(await send(t, '/meetings', { meetingId, boardId: 'wseb', scheduledFor: '2022-05-10T09:30:00Z' }));
  for (const itemNumber of itemNumbers)
    ok(await send(t, `/meetings/${meetingId}/agenda-items`, { itemNumber, title: `Item ${itemNumber}` }));
  if (closed) ok(await send(t, `/meetings/${meetingId}/close`, {}));
}

const training = {
  decisionId: 'd6',
  meetingId: 'wseb-2022-05-10',
  itemNumber: 6,
  outcome: 'endorsed',
  text: 'Training proposal endorsed',
  budgetPence: 400_000,
  conditions: [{ conditionId: 'c1', text: 'Subject to the changes agreed' }],
  responsiblePartnerIds: ['warwickshire-police'],
  occurredAt: '2022-05-10T11:00:00Z',
};

describe('decisions (e2e)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    const admin = await t.token({ userId: 'admin-1', role: 'admin' });
    await send(
      t,
      '/partners',
      { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' },
      { token: admin },
    );
    await send(
      t,
      '/boards',
      { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' },
      { token: admin },
    );
    await createMeeting(t, 'wseb-2022-05-10', [1, 6]);
    await createMeeting(t, 'wseb-2019-03-13', [2], true);
  });
  afterEach(async () => {
    await t.close();
  });
  const record = (body: object = {}) => send(t, '/decisions', { ...training, ...body });
  /** A decision with an open condition, and a later one that can supersede it. */
  const recordBoth = async () => {
    await record();
    await record({ decisionId: 'd7', conditions: [], occurredAt: undefined });
  };

  it('records a decision: 201, ETag, the event with conditions, budget in pence, partners, the token actor and business time', async () => {
    const res = await record();
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ id: 'd6', revision: 0, events: ['decision-recorded'] });
    const [event] = await t.store.readStream('decision-d6');
    const { occurredAt: _, ...data } = training;
    expect(event.data).toEqual(data);
    expect(event.metadata).toMatchObject({
      actor: { userId: 'amrita-sharma', role: 'business-manager' },
      occurredAt: '2022-05-10T11:00:00.000Z',
    });
  });

  it.each([
    ['satisfy-condition', 'decision-condition-satisfied', { conditionId: 'c1', note: 'Changes made' }],
    ['rescind', 'decision-rescinded', { reason: 'Funding withdrawn' }],
    ['supersede', 'decision-superseded', { supersededByDecisionId: 'd7', reason: 'Revised proposal' }],
  ])('POST /decisions/d6/%s answers 200 with the next revision and records %s', async (path, type, body) => {
    await recordBoth();
    const res = await send(t, `/decisions/d6/${path}`, body);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.events).toEqual([type]);
    const events = await t.store.readStream('decision-d6');
    expect(events[1]).toMatchObject({ type, data: { decisionId: 'd6', ...body } });
  });

  it.each([
    [
      '/decisions',
      {
        ...training,
        decisionId: 'Bad Id',
        itemNumber: 0,
        outcome: 'maybe',
        budgetPence: 1.5,
        conditions: [{ conditionId: 'c1' }],
        responsiblePartnerIds: ['X'],
      },
      ['budgetPence', 'conditions.0.text', 'decisionId', 'itemNumber', 'outcome', 'responsiblePartnerIds'],
    ],
    ['/decisions', { ...training, budgetPence: -1, text: '', extra: true }, ['budgetPence', 'extra', 'text']],
    ['/decisions/d6/satisfy-condition', { note: 'x'.repeat(2001) }, ['conditionId', 'note']],
    ['/decisions/d6/rescind', { reason: '' }, ['reason']],
    [
      '/decisions/d6/supersede',
      { supersededByDecisionId: 'D7', occurredAt: '10/05/2022' },
      ['occurredAt', 'reason', 'supersededByDecisionId'],
    ],
  ])('POST %s refuses invalid fields with 400 naming each one, and writes nothing', async (url, body, fields) => {
    await recordBoth();
    const before = await eventCount(t);
    const res = await send(t, url, body);
    expectProblem(res, 400, 'validation-failed');
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(fields);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses a bad id in the path with 400', async () => {
    expectProblem(await send(t, '/decisions/NOT_AN_ID/rescind', { reason: 'x' }), 400, 'invalid-id');
  });

  // Only refusals that rest on facts the handler loads from other streams (meetings, partners, the
  // superseding decision); the decision's own rules are the decider spec's (decision.spec.ts).
  it.each([
    [
      'an unrecorded meeting',
      'meeting-not-found',
      422,
      '/decisions',
      { ...training, decisionId: 'd9', meetingId: 'no-such-meeting' },
    ],
    [
      'an agenda item the loaded meeting lacks',
      'agenda-item-not-found',
      422,
      '/decisions',
      { ...training, decisionId: 'd9', itemNumber: 3 },
    ],
    [
      'a meeting closed in its own stream',
      'meeting-closed',
      409,
      '/decisions',
      { ...training, decisionId: 'd9', meetingId: 'wseb-2019-03-13', itemNumber: 2 },
    ],
    [
      'an unregistered responsible partner',
      'partner-not-registered',
      422,
      '/decisions',
      { ...training, decisionId: 'd9', responsiblePartnerIds: ['warwickshire-police', 'west-mercia-police'] },
    ],
    [
      'a superseding decision never recorded',
      'superseding-decision-not-found',
      422,
      '/decisions/d6/supersede',
      { supersededByDecisionId: 'd99', reason: 'x' },
    ],
  ])('refuses a reference to %s with %s (%i), and writes nothing', async (_, code, status, url, body) => {
    await recordBoth();
    const before = await eventCount(t);
    expectProblem(await send(t, url, body), status, code);
    expect(await eventCount(t)).toBe(before);
  });

  it.each([
    ['/decisions', { ...training, decisionId: 'd9' }, '"0"', 201],
    ['/decisions/d6/satisfy-condition', { conditionId: 'c1' }, '"0"', 200],
    ['/decisions/d6/rescind', { reason: 'x' }, '"0"', 200],
    ['/decisions/d6/supersede', { supersededByDecisionId: 'd7', reason: 'x' }, '"0"', 200],
  ])(
    'POST %s answers 412 when If-Match is stale, writes nothing, and applies with the current ETag',
    async (url, body, current, status) => {
      await recordBoth();
      const before = await eventCount(t);
      expectProblem(await send(t, url, body, { ifMatch: '"3"' }), 412, 'wrong-expected-revision');
      expect(await eventCount(t)).toBe(before);
      // A create on a new stream has no current revision: it goes through without If-Match.
      const ok = await send(t, url, body, status === 201 ? {} : { ifMatch: current });
      expect(ok.status).toBe(status);
    },
  );

  it.each([
    ['/decisions', { ...training, decisionId: 'd9' }, 201],
    ['/decisions/d6/satisfy-condition', { conditionId: 'c1' }, 200],
    ['/decisions/d6/rescind', { reason: 'x' }, 200],
    ['/decisions/d6/supersede', { supersededByDecisionId: 'd7', reason: 'x' }, 200],
  ])(
    'POST %s returns the first result for a retried Idempotency-Key and writes nothing twice',
    async (url, body, status) => {
      await recordBoth();
      const before = await eventCount(t);
      const first = await send(t, url, body, { idempotencyKey: `key-${url}` });
      const retry = await send(t, url, body, { idempotencyKey: `key-${url}` });
      expect(first.status).toBe(status);
      expectSameAnswer(retry, first);
      expect(await eventCount(t)).toBe(before + 1);
    },
  );
});
