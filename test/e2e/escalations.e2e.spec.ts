import type { TokenClaims } from '../../src/auth/mint-token';
import {
  eventCount,
  expectFieldsRefused,
  expectProblem,
  expectSameAnswer,
  expectStaleIfMatchRefused,
  send,
  sendOk,
} from '../support/http';
import { ESCALATION_PARTNERS } from '../support/escalation-partners';
import { startTestApp, type TestApp } from '../support/test-app';

describe('escalations (e2e)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const as = (claims: Partial<TokenClaims>) => () => t.token(claims);
  const admin = as({ userId: 'admin-1', role: 'admin' });
  const manager = as({}); // business manager: raise and manage, not respond
  const chair = as({ userId: 'chair-1', role: 'chair' });
  const icbRep = as({ userId: 'icb-rep', role: 'partner-representative', agency: 'cw-icb' });
  const wccRep = as({ userId: 'wcc-rep', role: 'partner-representative', agency: 'warwickshire-cc' });

  const E = '/escalations/wsep-2022-001';
  const stages = [
    { name: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
    { name: 'Manager to manager', timescaleWorkingDays: 5 },
    { name: 'Senior manager / designated safeguarding lead', timescaleWorkingDays: 10 },
  ];
  const protocolBody = {
    protocolId: 'ws-escalation-protocol',
    name: 'Warwickshire Safeguarding Escalation Protocol',
    stages,
  };
  const raiseBody = {
    escalationId: 'wsep-2022-001',
    protocolId: 'ws-escalation-protocol',
    raisedByPersonId: 'amrita-sharma',
    raisedByAgency: 'warwickshire-cc',
    concerningAgency: 'cw-icb',
    subject: 'Delay in a health assessment for a child in care',
    caseReference: 'LCS-104233',
  };

  /** Sends as a setup step and insists it succeeded, so a broken setup never passes silently. */
  const ok = async (url: string, body: unknown, token: () => Promise<string>) => sendOk(t, url, body, await token());
  const partners = async () => {
    for (const partner of ESCALATION_PARTNERS) await ok('/partners', partner, admin);
    await ok('/people', { personId: 'amrita-sharma', name: 'Amrita Sharma', partnerId: 'warwickshire-cc' }, admin);
  };
  const defined = async () => {
    await partners();
    await ok('/escalation-protocols', protocolBody, admin);
  };
  const raised = async () => {
    await defined();
    await ok('/escalations', raiseBody, manager);
  };
  const resolved = async () => {
    await raised();
    await ok(`${E}/resolve`, { outcome: 'agreed', summary: 'Assessment date agreed' }, manager);
  };
  const escalate = { reason: 'Not resolved within the stage timescale' };

  interface Case {
    name: string;
    setup: () => Promise<void>;
    url: string;
    body: Record<string, unknown>;
    token: () => Promise<string>;
    status: number;
    event: string;
    invalid: { body: Record<string, unknown>; fields: string[] };
  }
  const cases: Case[] = [
    {
      name: 'define protocol',
      setup: partners,
      url: '/escalation-protocols',
      body: protocolBody,
      token: admin,
      status: 201,
      event: 'escalation-protocol-defined',
      invalid: {
        body: { protocolId: 'Bad Id', name: '', stages: [{ name: '', timescaleWorkingDays: 61 }], extra: 1 },
        fields: ['extra', 'name', 'protocolId', 'stages.0.name', 'stages.0.timescaleWorkingDays'],
      },
    },
    {
      name: 'revise protocol',
      setup: defined,
      url: '/escalation-protocols/ws-escalation-protocol/revise',
      token: admin,
      status: 200,
      event: 'escalation-protocol-revised',
      body: {
        stages: [...stages, { name: 'Independent chair', timescaleWorkingDays: 10 }],
        reason: 'Added a final stage',
      },
      invalid: {
        body: { stages: Array.from({ length: 7 }, () => stages[0]), reason: 'x'.repeat(1001) },
        fields: ['reason', 'stages'],
      },
    },
    {
      name: 'raise',
      setup: defined,
      url: '/escalations',
      body: raiseBody,
      token: manager,
      status: 201,
      event: 'escalation-raised',
      invalid: {
        body: { ...raiseBody, subject: 's'.repeat(501), caseReference: 'Jane Smith', concerningAgency: undefined },
        fields: ['caseReference', 'concerningAgency', 'subject'],
      },
    },
    {
      name: 'acknowledge',
      setup: raised,
      url: `${E}/acknowledge`,
      body: { note: 'Received' },
      token: icbRep,
      status: 200,
      event: 'escalation-acknowledged',
      invalid: { body: { note: '', agency: 'cw-icb' }, fields: ['agency', 'note'] },
    },
    {
      name: 'record response',
      setup: raised,
      url: `${E}/responses`,
      body: { respondingAgency: 'cw-icb', response: 'Assessment booked' },
      token: icbRep,
      status: 200,
      event: 'escalation-response-recorded',
      invalid: { body: { respondingAgency: 'CW ICB', response: '' }, fields: ['respondingAgency', 'response'] },
    },
    {
      name: 'escalate',
      setup: raised,
      url: `${E}/escalate`,
      body: escalate,
      token: manager,
      status: 200,
      event: 'escalation-stage-escalated',
      invalid: { body: { reason: 1 }, fields: ['reason'] },
    },
    {
      name: 'resolve',
      setup: raised,
      url: `${E}/resolve`,
      body: { outcome: 'partially-agreed', summary: 'Date agreed; transport not' },
      token: manager,
      status: 200,
      event: 'escalation-resolved',
      invalid: { body: { outcome: 'won', summary: '' }, fields: ['outcome', 'summary'] },
    },
    {
      name: 'close',
      setup: resolved,
      url: `${E}/close`,
      body: {},
      token: manager,
      status: 200,
      event: 'escalation-closed',
      invalid: { body: { occurredAt: 'yesterday', outcome: 'agreed' }, fields: ['occurredAt', 'outcome'] },
    },
  ];

  describe.each(cases)('$name', (c) => {
    it('succeeds and appends its event', async () => {
      await c.setup();
      const res = await send(t, c.url, c.body, { token: await c.token() });
      expect(res.status).toBe(c.status);
      expect(res.body.events).toEqual([c.event]);
      expect(res.headers.etag).toBe(`"${res.body.revision}"`);
    });

    it('refuses invalid fields with 400 naming each one, and writes nothing', async () => {
      await c.setup();
      const before = await eventCount(t);
      const res = await send(t, c.url, c.invalid.body, { token: await c.token() });
      expectFieldsRefused(res, c.invalid.fields);
      expect(await eventCount(t)).toBe(before);
    });

    it('answers 412 to a stale If-Match, and writes nothing', async () => {
      await c.setup();
      await expectStaleIfMatchRefused(t, c.url, c.body, await c.token());
    });

    it('returns the first result to a retry with the same Idempotency-Key, and writes once', async () => {
      await c.setup();
      const before = await eventCount(t);
      const first = await send(t, c.url, c.body, { token: await c.token(), idempotencyKey: `retry-${c.event}` });
      const retry = await send(t, c.url, c.body, { token: await c.token(), idempotencyKey: `retry-${c.event}` });
      expect(first.status).toBe(c.status);
      expectSameAnswer(retry, first);
      expect(await eventCount(t)).toBe(before + 1);
    });
  });

  it('keeps the protocol version an escalation was raised under, and a later escalation gets the new one', async () => {
    await raised();
    const longer = stages.map((s) => ({ ...s, timescaleWorkingDays: s.timescaleWorkingDays * 2 }));
    await ok('/escalation-protocols/ws-escalation-protocol/revise', { stages: longer, reason: '2023 review' }, admin);
    await ok(`${E}/escalate`, { ...escalate, occurredAt: '2022-09-27T09:00:00Z' }, manager);
    await ok('/escalations', { ...raiseBody, escalationId: 'wsep-2023-001' }, manager);
    const [raisedEvent, escalated] = await t.store.readStream('escalation-wsep-2022-001');
    expect(raisedEvent.data).toMatchObject({
      protocolVersion: 1,
      stage: 1,
      stageName: 'Practitioner to practitioner',
      timescaleWorkingDays: 2,
    });
    expect(escalated.data).toMatchObject({
      fromStage: 1,
      stage: 2,
      stageName: 'Manager to manager',
      timescaleWorkingDays: 5,
    });
    expect(escalated.metadata.occurredAt).toBe('2022-09-27T09:00:00.000Z'); // business time: projections measure time at each stage from it
    const [later] = await t.store.readStream('escalation-wsep-2023-001');
    expect(later.data).toMatchObject({ protocolVersion: 2, timescaleWorkingDays: 4 });
  });

  it('refuses an escalation under a protocol, agencies or a person the handler cannot load', async () => {
    await partners();
    expectProblem(await send(t, '/escalations', raiseBody), 422, 'protocol-not-defined');
    await ok('/escalation-protocols', protocolBody, admin);
    expectProblem(
      await send(t, '/escalations', { ...raiseBody, concerningAgency: 'west-mercia-police' }),
      422,
      'concerning-agency-not-registered',
    );
    expectProblem(
      await send(t, '/escalations', { ...raiseBody, raisedByAgency: 'nobody' }),
      422,
      'raising-agency-not-registered',
    );
    expectProblem(
      await send(t, '/escalations', { ...raiseBody, raisedByPersonId: 'nobody' }),
      422,
      'raising-person-not-registered',
    );
    expect(await eventCount(t)).toBe(5);
  });

  it('lets a representative acknowledge only for the agency the escalation concerns, and respond only as their own agency (403 otherwise)', async () => {
    await raised();
    const before = await eventCount(t);
    expectProblem(await send(t, `${E}/acknowledge`, {}, { token: await wccRep() }), 403, 'not-your-agency');
    expectProblem(
      await send(t, `${E}/responses`, { respondingAgency: 'cw-icb', response: 'As them' }, { token: await wccRep() }),
      403,
      'not-your-agency',
    );
    expectProblem(
      await send(
        t,
        `${E}/responses`,
        { respondingAgency: 'warwickshire-cc', response: 'As them' },
        { token: await icbRep() },
      ),
      403,
      'not-your-agency',
    );
    expect(await eventCount(t)).toBe(before);
    // Each party answers for itself: the raising agency's own representative records its reply,
    expect(
      (
        await send(
          t,
          `${E}/responses`,
          { respondingAgency: 'warwickshire-cc', response: 'We disagree' },
          { token: await wccRep() },
        )
      ).status,
    ).toBe(200);
    // and the secretariat (here the chair) may record either party's.
    expect(
      (
        await send(
          t,
          `${E}/responses`,
          { respondingAgency: 'warwickshire-cc', response: 'We still disagree' },
          { token: await chair() },
        )
      ).status,
    ).toBe(200);
  });

  it('refuses a bad escalation id in the route with 400 at the edge', async () => {
    expectProblem(await send(t, '/escalations/Bad%20Id/close', {}), 400, 'invalid-id');
  });
});
