import { ROLE_PERMISSIONS, ROLES } from '../../src/auth/permissions';
import { eventCount, expectProblem, refusedFields, send } from '../support/http';
import { ESCALATION_ON_JUNE_AGENDA } from '../support/recorded-examples';
import { bodySchema, fillPath, operations, sample, type OpenApiDoc } from '../support/openapi-bodies';
import { startTestApp, type TestApp } from '../support/test-app';

type Res = Awaited<ReturnType<typeof send>>;
const ACTION = ESCALATION_ON_JUNE_AGENDA.actionId;
const raiseBody = { ...ESCALATION_ON_JUNE_AGENDA, itemNumber: 1 };

/** Text that must never enter a record, each refused wherever it appears. */
const UNRECORDABLE: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['escape', 'a\u001bb'],
  ['DEL', 'a\u007fb'],
  ['C1 control', 'a\u0085b'],
  ['carriage return', 'a\r\nb'],
  ['right-to-left override', 'abc\u202Edef'],
  ['left-to-right embedding', '\u202Aabc'],
  ['first-strong isolate', 'a\u2068b\u2069'],
  ['lone high surrogate', 'a\ud800b'],
  ['lone low surrogate', 'a\udc00b'],
];

describe('input hygiene at the edge (e2e): text that may not be recorded is a 400 naming the field, and nothing is written', () => {
  let t: TestApp;
  let admin: string;
  let before: number;
  const written = async () => (await eventCount(t)) - before;
  /** Sends the JSON text as is (JSON.stringify cannot write a duplicate key): partners as the admin, the rest as the business manager. */
  const raw = async (url: string, payload: string) => {
    const token = url === '/partners' ? admin : await t.token();
    return t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload,
    });
  };
  /** A police partner registered by the admin (partners are the admin's to register). */
  const registerPolice = (partnerId: string, name: string) =>
    send(t, '/partners', { partnerId, name, kind: 'police' }, { token: admin });
  const ok = (res: Res, status = 200) =>
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: expect.objectContaining({ id: expect.any(String) }),
    });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
    ok(await registerPolice('warwickshire-police', 'Warwickshire Police'), 201);
    ok(
      await send(t, '/boards', { boardId: 'wseb', name: 'Executive Board', kind: 'executive-board' }, { token: admin }),
      201,
    );
    ok(
      await send(t, '/meetings', {
        meetingId: 'wseb-2022-05-10',
        boardId: 'wseb',
        scheduledFor: '2022-05-10T10:00:00Z',
      }),
      201,
    );
    ok(await send(t, '/meetings/wseb-2022-05-10/agenda-items', { itemNumber: 1, title: 'Item 1' }));
    ok(await send(t, '/actions', raiseBody), 201);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    before = await eventCount(t);
  });

  it.each(UNRECORDABLE)(
    'given a %s in a partner name, when it is registered, then 400 names `name` and nothing is written',
    async (_, bad) => {
      const res = await registerPolice('west-mercia-police', `West Mercia ${bad}`);
      expectProblem(res, 400, 'validation-failed');
      expect(refusedFields(res)).toEqual(['name']);
      expect(await written()).toBe(0);
    },
  );

  it.each(UNRECORDABLE)(
    'given a %s in a progress note (long text), when it is noted, then 400 names `note` and nothing is written',
    async (_, bad) => {
      const res = await send(t, `/actions/${ACTION}/progress`, { note: `Chased ${bad}` });
      expectProblem(res, 400, 'validation-failed');
      expect(refusedFields(res)).toEqual(['note']);
      expect(await written()).toBe(0);
    },
  );

  it('given a control character in a nested owner name, when an action is raised, then 400 names `owners.1.name` and nothing is written', async () => {
    const res = await send(t, '/actions', {
      ...raiseBody,
      actionId: 'wseb-2022-05-10-a2',
      owners: [
        { kind: 'team', name: 'Fine' },
        { kind: 'team', name: 'Team\u0000' },
      ],
    });
    expectProblem(res, 400, 'validation-failed');
    expect(refusedFields(res)).toEqual(['owners.1.name']);
    expect(res.body.detail).toContain('U+0000');
    expect(await written()).toBe(0);
  });

  it('given tab and line feed, when in long free text they are recorded, and when in a name or title they are refused', async () => {
    ok(await send(t, `/actions/${ACTION}/progress`, { note: 'Chased:\n\t- the police lead\n\t- the ICB' }));
    const [event] = (await t.store.readStream(`action-${ACTION}`)).slice(-1);
    expect((event.data as { note: string }).note).toBe('Chased:\n\t- the police lead\n\t- the ICB');
    before = await eventCount(t);
    for (const bad of ['Two\nlines', 'Tab\there']) {
      const res = await registerPolice('west-mercia-police', bad);
      expectProblem(res, 400, 'validation-failed');
      expect(refusedFields(res)).toEqual(['name']);
    }
    const title = await send(t, '/meetings/wseb-2022-05-10/agenda-items', { itemNumber: 2, title: 'Item\ntwo' });
    expect({ status: title.status, fields: refusedFields(title) }).toEqual({ status: 400, fields: ['title'] });
    expect(await written()).toBe(0);
  });

  it('given a nested long-text field (a decision condition), when it holds line feeds it is recorded, and when it holds a NUL then 400 names `conditions.0.text`', async () => {
    const decision = {
      decisionId: 'd1',
      meetingId: 'wseb-2022-05-10',
      itemNumber: 1,
      outcome: 'endorsed',
      text: 'Endorsed:\n- training',
      responsiblePartnerIds: ['warwickshire-police'],
    };
    const bad = await send(t, '/decisions', {
      ...decision,
      conditions: [{ conditionId: 'c1', text: 'Subject to\u0000' }],
    });
    expect({ status: bad.status, fields: refusedFields(bad) }).toEqual({ status: 400, fields: ['conditions.0.text'] });
    expect(await written()).toBe(0);
    ok(
      await send(t, '/decisions', {
        ...decision,
        conditions: [{ conditionId: 'c1', text: 'Subject to:\n\t- the changes agreed' }],
      }),
      201,
    );
    expect(await written()).toBe(1);
  });

  it('given right-to-left marks that Arabic and Hebrew text need, and non-Latin names, when recorded, then they are accepted', async () => {
    ok(await registerPolice('partner-rtl', 'مجلس \u200Fالحماية — Zoë Łukasiewicz 🙂'), 201);
    expect(await written()).toBe(1);
  });

  it('given a date-time without a zone in occurredAt, scheduledFor or any other date-time field, when sent, then 400 names the field; with Z or an offset it is accepted', async () => {
    for (const zoneless of ['2022-05-10T10:00:00', '2022-05-10T10:00', '2022-05-10T10:00:00.000', '20220510T1000']) {
      const res = await send(t, `/actions/${ACTION}/progress`, { note: 'Chased', occurredAt: zoneless });
      expectProblem(res, 400, 'validation-failed');
      expect(refusedFields(res)).toEqual(['occurredAt']);
      const meeting = await send(t, '/meetings', {
        meetingId: 'wseb-2022-06-07',
        boardId: 'wseb',
        scheduledFor: zoneless,
      });
      expect({ zoneless, status: meeting.status, fields: refusedFields(meeting) }).toEqual({
        zoneless,
        status: 400,
        fields: ['scheduledFor'],
      });
    }
    expect(await written()).toBe(0);
    ok(await send(t, `/actions/${ACTION}/progress`, { note: 'Chased', occurredAt: '2022-05-10T11:00:00+01:00' }));
    ok(await send(t, `/actions/${ACTION}/progress`, { note: 'Chased again', occurredAt: '2022-05-10T10:00:00Z' }));
    expect(await written()).toBe(2);
  });

  it('given a plain date where the field takes a date, when sent, then it stays valid', async () => {
    ok(await send(t, `/actions/${ACTION}/due-date`, { dueDate: '2022-06-30', reason: 'Moved to the next meeting' }));
    expect(await written()).toBe(1);
  });

  it('given a date-time written in a long free-text field, when recorded, then it is text, not a date-time to refuse', async () => {
    ok(await send(t, `/actions/${ACTION}/progress`, { note: '2022-05-10T10:00:00' }));
    expect(await written()).toBe(1);
  });

  it('given a duplicate key, top-level, nested in an array item, or spelled with an escape, when sent, then 400 duplicate-json-key names its path and nothing is written', async () => {
    const cases: [string, string][] = [
      ['{"partnerId":"west-mercia-police","name":"A","kind":"police","name":"B"}', 'name'],
      ['{"partnerId":"west-mercia-police","name":"A","n\\u0061me":"B","kind":"police"}', 'name'],
      [
        `{"actionId":"wseb-2022-05-10-a3","meetingId":"wseb-2022-05-10","itemNumber":1,"text":"x","dueDate":"2022-06-01","owners":[{"kind":"team","name":"A"},{"kind":"team","name":"B","name":"C"}]}`,
        'owners.1.name',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await raw(payload.includes('actionId') ? '/actions' : '/partners', payload);
      expect({
        status: res.statusCode,
        type: res.headers['content-type'],
        code: res.json().code,
        field: res.json().field,
      }).toEqual({
        status: 400,
        type: expect.stringContaining('application/problem+json'),
        code: 'duplicate-json-key',
        field,
      });
    }
    expect(await written()).toBe(0);
  });

  it('given the same key in sibling objects, or a key-like string as a value, when sent, then it is not a duplicate', async () => {
    const payload = `{"actionId":"wseb-2022-05-10-a4","meetingId":"wseb-2022-05-10","itemNumber":1,"text":"name","dueDate":"2022-06-01","owners":[{"kind":"team","name":"A"},{"kind":"team","name":"B"}]}`;
    expect((await raw('/actions', payload)).statusCode).toBe(201);
    expect(await written()).toBe(1);
  });

  it('sweeps every command: a bidi override or a NUL in any top-level text field is a 400 naming it, and nothing is written', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
    const failures: string[] = [];
    let sent = 0;
    for (const { method, path, op } of operations(doc).filter((o) => ['POST', 'PUT', 'PATCH'].includes(o.method))) {
      const schema = bodySchema(doc, op);
      if (!schema) continue;
      const role = ROLES.find((r) => ROLE_PERMISSIONS[r].some((p) => p === op['x-required-permission']))!;
      const token = await t.token({ role, userId: `hygiene-${role}`, agency: 'warwickshire-police' });
      const base = sample(doc, schema) as Record<string, unknown>;
      for (const [field, prop] of Object.entries(schema.properties ?? {})) {
        if (prop.type !== 'string' || prop.enum) continue;
        for (const bad of ['\u202E', '\u0000']) {
          const res = await send(
            t,
            fillPath(path),
            { ...base, [field]: `x${bad}y` },
            { token, method: method as 'POST' },
          );
          sent++;
          if (res.status !== 400 || !refusedFields(res).includes(field))
            failures.push(
              `${op.operationId} ${field} ${JSON.stringify(bad)}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(100);
    expect(await written()).toBe(0);
  });
});
