import { eventCount, expectProblem, expectSameAnswer, refusedFields, send } from '../support/http';
import { ESCALATION_ON_JUNE_AGENDA } from '../support/recorded-examples';
import { startTestApp, type TestApp } from '../support/test-app';

type Res = Awaited<ReturnType<typeof send>>;
const ACTION = ESCALATION_ON_JUNE_AGENDA.actionId;
const raiseBody = { ...ESCALATION_ON_JUNE_AGENDA, itemNumber: 2, targetMeetingId: 'wseb-2022-06-07' };

describe('actions (e2e)', () => {
  let t: TestApp;
  let base: number;
  const admin = () => t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
  const ok = (res: Res, status = 200) => {
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: expect.objectContaining({ id: expect.any(String) }),
    });
    return res;
  };
  const written = async () => (await eventCount(t)) - base;
  const raise = (body: object = {}) => send(t, '/actions', { ...raiseBody, ...body });
  const streamOf = (id = ACTION) => t.store.readStream(`action-${id}`);

  /** The partnership as the minutes need it: a partner, a person, a board and four meetings (one closed). */
  beforeEach(async () => {
    t = await startTestApp();
    const token = await admin();
    for (const [url, body] of [
      ['/partners', { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' }],
      ['/people', { personId: 'amrita-sharma', name: 'Amrita Sharma', partnerId: 'warwickshire-police' }],
      ['/boards', { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' }],
    ] as const)
      ok(await send(t, url, body, { token }), 201);
    for (const [meetingId, scheduledFor] of [
      ['wseb-2022-03-08', '2022-03-08T10:00:00Z'],
      ['wseb-2022-05-10', '2022-05-10T10:00:00Z'],
      ['wseb-2022-06-07', '2022-06-07T10:00:00Z'],
      ['wseb-2022-07-12', '2022-07-12T10:00:00Z'],
    ]) {
      ok(await send(t, '/meetings', { meetingId, boardId: 'wseb', scheduledFor }), 201);
    }
    for (const itemNumber of [1, 2])
      ok(await send(t, '/meetings/wseb-2022-05-10/agenda-items', { itemNumber, title: `Item ${itemNumber}` }));
    ok(await send(t, '/meetings/wseb-2022-03-08/close', {}));
    base = await eventCount(t);
  });
  afterEach(async () => {
    await t.close();
  });

  describe('POST /actions (raise)', () => {
    it('raises an action with person, partner and team owners: 201, ETag "0", the event with the token actor', async () => {
      const owners = [
        { kind: 'person', personId: 'amrita-sharma' },
        { kind: 'partner', partnerId: 'warwickshire-police' },
        { kind: 'team', name: 'All' },
      ];
      const res = await raise({ owners, occurredAt: '2022-05-10T12:00:00Z' });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"0"');
      expect(res.body).toMatchObject({
        id: ACTION,
        streamId: `action-${ACTION}`,
        revision: 0,
        events: ['action-raised'],
      });
      const [event] = await streamOf();
      // Each person owner's partner that day is on the record: ownership by agency follows the person at the time.
      expect(event.data).toEqual({
        ...raiseBody,
        owners,
        ownerPartners: [{ personId: 'amrita-sharma', partnerId: 'warwickshire-police' }],
      });
      expect(event.metadata).toMatchObject({
        actor: { userId: 'amrita-sharma', role: 'business-manager' },
        occurredAt: '2022-05-10T12:00:00.000Z',
      });
    });

    it('refuses invalid fields with 400 naming each one (owner fields checked against the kind), and writes nothing', async () => {
      const res = await send(t, '/actions', {
        actionId: 'Bad Id',
        meetingId: 'wseb-2022-05-10',
        itemNumber: 0,
        text: '',
        dueDate: '2022-06-01T10:00:00Z',
        extra: 1,
        owners: [{ kind: 'person', name: 'Amrita' }, { kind: 'team', name: '' }, { kind: 'board' }],
      });
      expectProblem(res, 400, 'validation-failed');
      expect(refusedFields(res)).toEqual([
        'actionId',
        'dueDate',
        'extra',
        'itemNumber',
        'owners.0.name',
        'owners.0.personId',
        'owners.1.name',
        'owners.2.kind',
        'text',
      ]);
      const none = await raise({ owners: [] });
      expect(refusedFields(none)).toEqual(['owners']);
      const tooMany = await raise({
        owners: Array.from({ length: 11 }, (_, i) => ({ kind: 'team', name: `Team ${i}` })),
      });
      expect(refusedFields(tooMany)).toEqual(['owners']);
      expect(await written()).toBe(0);
    });

    it.each([
      ['an unrecorded meeting', { meetingId: 'wseb-2099-01-01' }, 422, 'meeting-not-found'],
      ['an item the meeting does not have', { itemNumber: 7 }, 422, 'agenda-item-not-found'],
      ['a closed meeting', { meetingId: 'wseb-2022-03-08', targetMeetingId: undefined }, 409, 'meeting-closed'],
      [
        'an unregistered person owner',
        { owners: [{ kind: 'person', personId: 'caroline-mccluskey' }] },
        422,
        'owner-not-found',
      ],
      ['an unrecorded target meeting', { targetMeetingId: 'wseb-2022-08' }, 422, 'target-meeting-not-found'],
      [
        'a target meeting before the raising meeting',
        { targetMeetingId: 'wseb-2022-03-08' },
        422,
        'target-meeting-not-later',
      ],
    ])(
      'refuses a raise against %s (a fact the handler loads) with a stable code, writing nothing',
      async (_, body, status, code) => {
        expectProblem(await raise(body), status, code);
        expect(await written()).toBe(0);
      },
    );

    it('answers 412 for a stale If-Match on a new action', async () => {
      expectProblem(await send(t, '/actions', raiseBody, { ifMatch: '"0"' }), 412, 'wrong-expected-revision');
      expect(await written()).toBe(0);
    });

    it('returns the first result for a retried Idempotency-Key and writes nothing twice', async () => {
      const first = await send(t, '/actions', raiseBody, { idempotencyKey: 'raise-a1' });
      const retry = await send(t, '/actions', raiseBody, { idempotencyKey: 'raise-a1' });
      expect(first.status).toBe(201);
      expectSameAnswer(retry, first);
      expect(await written()).toBe(1);
    });

    it("lets a member note progress on their own agency's action but not raise or cancel it (403)", async () => {
      const member = await t.token({ userId: 'pete-hill', role: 'member', agency: 'warwickshire-police' });
      expectProblem(await send(t, '/actions', raiseBody, { token: member }), 403, 'forbidden');
      // Members act only for their own agency (src/auth/agency-rules.ts; every other case in the agency matrix test).
      ok(await raise({ owners: [{ kind: 'partner', partnerId: 'warwickshire-police' }] }), 201);
      ok(await send(t, `/actions/${ACTION}/progress`, { note: 'Added to the June agenda' }, { token: member }));
      expectProblem(await send(t, `/actions/${ACTION}/cancel`, { reason: 'x' }, { token: member }), 403, 'forbidden');
      expect(await written()).toBe(2);
    });
  });

  /**
   * Each follow-up endpoint: a valid body (after `before` steps), an invalid body and the fields it names,
   * and, where the handler loads facts from other streams, a refusal resting on them with its stable code
   * (the action's own rules are the decider spec's: action.spec.ts).
   */
  type Step = [suffix: string, body: object];
  interface FollowUp {
    suffix: string;
    event: string;
    body: object;
    before?: Step[];
    invalid: { body: object; fields: string[] };
    /** A refusal that rests on a fact the handler loads (a meeting's date, an owner's record). */
    refusal?: { because: string; body: object; status: number; code: string };
  }
  const complete: Step = ['complete', {}];
  const followUps: FollowUp[] = [
    {
      suffix: 'progress',
      event: 'action-progress-noted',
      body: { note: 'Added to the June agenda' },
      invalid: { body: { note: '' }, fields: ['note'] },
    },
    {
      suffix: 'carry-forward',
      event: 'action-carried-forward',
      body: { toMeetingId: 'wseb-2022-07-12', note: 'Not reached in June' },
      invalid: { body: { toMeetingId: 'July!', note: 5 }, fields: ['note', 'toMeetingId'] },
      refusal: {
        because: 'a meeting earlier than the raising one',
        body: { toMeetingId: 'wseb-2022-03-08' },
        status: 422,
        code: 'carry-forward-not-later',
      },
    },
    {
      suffix: 'reassign',
      event: 'action-reassigned',
      body: { owners: [{ kind: 'person', personId: 'amrita-sharma' }], reason: 'Business manager leads' },
      invalid: {
        body: { owners: [{ kind: 'partner', personId: 'amrita-sharma' }] },
        fields: ['owners.0.partnerId', 'owners.0.personId'],
      },
      refusal: {
        because: 'an unregistered partner owner',
        body: { owners: [{ kind: 'partner', partnerId: 'west-mercia-police' }] },
        status: 422,
        code: 'owner-not-found',
      },
    },
    {
      suffix: 'due-date',
      event: 'action-due-date-changed',
      body: { dueDate: '2022-07-01', reason: 'Agenda full in June' },
      invalid: { body: { dueDate: '1 July', reason: '' }, fields: ['dueDate', 'reason'] },
    },
    {
      suffix: 'complete',
      event: 'action-completed',
      body: { note: 'On the June agenda' },
      invalid: { body: { note: 'x'.repeat(4001) }, fields: ['note'] },
    },
    {
      suffix: 'close',
      event: 'action-closed',
      body: {},
      before: [complete],
      invalid: { body: { reason: ['not', 'a', 'string'] }, fields: ['reason'] },
    },
    {
      suffix: 'reopen',
      event: 'action-reopened',
      body: { reason: 'The update was not given' },
      before: [complete],
      invalid: { body: {}, fields: ['reason'] },
    },
    {
      suffix: 'cancel',
      event: 'action-cancelled',
      body: { reason: 'Superseded by the escalation protocol' },
      invalid: { body: { reason: 'x', occurredAt: 'yesterday' }, fields: ['occurredAt'] },
    },
  ];
  const url = (suffix: string, id = ACTION) => `/actions/${id}/${suffix}`;
  /** Raises the action and runs the steps; answers the revision the action is at. */
  const arrange = async (steps: Step[] = []) => {
    ok(await raise(), 201);
    for (const [suffix, body] of steps) ok(await send(t, url(suffix), body));
    return steps.length;
  };

  describe.each(followUps)('POST /actions/:actionId/$suffix', (f) => {
    it('records the change: 200, the next revision as ETag, with a current If-Match', async () => {
      const revision = await arrange(f.before);
      const res = await send(t, url(f.suffix), f.body, { ifMatch: `"${revision}"` });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${revision + 1}"`);
      expect(res.body).toMatchObject({ id: ACTION, revision: revision + 1, events: [f.event] });
      const stored = (await streamOf()).at(-1)!;
      expect(stored.type).toBe(f.event);
      expect(stored.data).toMatchObject({ actionId: ACTION, ...f.body });
    });

    it('refuses invalid fields with 400 naming each one, and writes nothing', async () => {
      const revision = await arrange(f.before);
      const res = await send(t, url(f.suffix), f.invalid.body);
      expectProblem(res, 400, 'validation-failed');
      expect(refusedFields(res)).toEqual(f.invalid.fields);
      expect(await written()).toBe(revision + 1);
    });

    it('answers 412 for a stale If-Match and writes nothing', async () => {
      const revision = await arrange(f.before);
      expectProblem(
        await send(t, url(f.suffix), f.body, { ifMatch: `"${revision + 5}"` }),
        412,
        'wrong-expected-revision',
      );
      expect(await written()).toBe(revision + 1);
    });

    it('returns the first result for a retried Idempotency-Key and writes nothing twice', async () => {
      const revision = await arrange(f.before);
      const first = await send(t, url(f.suffix), f.body, { idempotencyKey: `${f.suffix}-1` });
      const retry = await send(t, url(f.suffix), f.body, { idempotencyKey: `${f.suffix}-1` });
      expect(first.status).toBe(200);
      expectSameAnswer(retry, first);
      expect(await written()).toBe(revision + 2);
    });
  });

  describe.each(followUps.filter((f) => f.refusal))('POST /actions/:actionId/$suffix', (f) => {
    const refusal = f.refusal!;
    it(`refuses ${refusal.because} with ${refusal.code}, writing nothing`, async () => {
      await arrange();
      expectProblem(await send(t, url(f.suffix), refusal.body), refusal.status, refusal.code);
      expect(await written()).toBe(1);
    });
  });

  it('counts carry forwards and follows an action from raised to closed, reopened and cancelled', async () => {
    await arrange();
    ok(await send(t, url('carry-forward'), { toMeetingId: 'wseb-2022-07-12' }));
    const [, carried] = await streamOf();
    expect(carried.data).toEqual({
      actionId: ACTION,
      toMeetingId: 'wseb-2022-07-12',
      fromMeetingId: 'wseb-2022-06-07',
      timesCarriedForward: 1,
    });
    for (const [suffix, body] of [
      ['complete', {}],
      ['close', {}],
      ['reopen', { reason: 'Reply asks for more' }],
      ['cancel', { reason: 'Superseded' }],
    ] as const) {
      ok(await send(t, url(suffix), body));
    }
    expect((await streamOf()).map((e) => e.type)).toEqual([
      'action-raised',
      'action-carried-forward',
      'action-completed',
      'action-closed',
      'action-reopened',
      'action-cancelled',
    ]);
  });

  it('documents every action endpoint in OpenAPI with its request schema', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const ops = Object.entries(
      doc.paths as Record<
        string,
        Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>
      >,
    )
      .filter(([path]) => path.startsWith('/actions'))
      .map(([path, methods]) => [
        path,
        methods.post.operationId,
        methods.post.requestBody?.content['application/json'].schema.$ref.split('/').at(-1),
      ]);
    expect(ops.sort()).toEqual(
      [
        ['/actions', 'raiseAction', 'RaiseActionDto'],
        ...followUps.map((f) => [`/actions/{actionId}/${f.suffix}`, expect.any(String), expect.stringMatching(/Dto$/)]),
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(doc.components.schemas.RaiseActionDto.required.sort()).toEqual([
      'actionId',
      'itemNumber',
      'meetingId',
      'owners',
      'text',
    ]);
    expect(doc.components.schemas.OwnerDto.properties).toMatchObject({
      kind: { enum: ['person', 'partner', 'team'] },
      personId: { maxLength: 80 },
      name: { maxLength: 100 },
    });
  });
});
