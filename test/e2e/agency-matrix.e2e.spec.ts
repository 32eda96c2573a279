import { ACTS_FOR_ANY_AGENCY, AGENCY_RULES } from '../../src/auth/agency-rules';
import type { AgencyScopedCommand, AgencySource, CheckedCommand } from '../../src/auth/agency-rules';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../../src/auth/permissions';
import { bodySchema, operations, resolve, type OpenApiDoc, type Schema } from '../support/openapi-bodies';
import { eventCount, expectProblem, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Who may change what, per record: every command of the agency rule table (src/auth/agency-rules.ts)
 * x every role x a record of the caller's own agency and of another, generated from the table.
 * Each refusal writes nothing. The table cannot drift from the API: every operation that names an
 * agency or changes an agency-owned record must be in it, and every checked command needs a fixture.
 */
const OWN = 'warwickshire-police';
const OTHER = 'cw-icb';
const THIRD = 'warwickshire-cc';
const YEAR = '/budgets/2022-23';
/** The executive board's own budget for the year, on the keyed routes. */
const BOARD_YEAR = '/budgets/wseb/2022-23';
const HASH = 'e'.repeat(64);
const MAY = 'wseb-2022-05-10';

type Request = { url: string; body: object };
/** A fresh record for the case (`agency` owns it, or is the agency the command names), then the command to send. */
type Fixture = (agency: string, id: string) => { setup?: () => Promise<void>; request: Request };
type BudgetCommand = 'pledgeContribution' | 'amendPledge' | 'withdrawPledge' | 'recordPayment' | 'underwriteShortfall';
/** The same fixtures under the keyed routes' operation names (`...ForOwner`). */
const forOwner = (fixtures: Record<BudgetCommand, Fixture>) =>
  Object.fromEntries(Object.entries(fixtures).map(([name, f]) => [`${name}ForOwner`, f])) as Record<
    `${BudgetCommand}ForOwner`,
    Fixture
  >;

describe('agency matrix: every agency-scoped command x role x own/other agency (e2e)', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  const admin = () => t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
  const rep = (agency: string) => t.token({ userId: `rep-${agency}`, role: 'partner-representative', agency });
  const chair = () => t.token({ userId: 'chair-1', role: 'chair', agency: 'warwickshire-safeguarding' });
  /** A setup step, as the business manager unless said otherwise; it must succeed. */
  const ok = async (url: string, body: object, token?: string) => {
    const res = await send(t, url, body, { token });
    if (res.status >= 300) throw new Error(`setup ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };

  /** Raises an action on the May meeting owned by `owner` (a partner, a person or a team). */
  const raiseAction = (id: string, owner: object) =>
    ok('/actions', {
      actionId: id,
      meetingId: MAY,
      itemNumber: 1,
      text: 'Report back',
      owners: [owner],
      dueDate: '2022-06-01',
    });
  const action =
    (agency: string, id: string, ...after: Request[]) =>
    async () => {
      await raiseAction(id, { kind: 'partner', partnerId: agency });
      for (const step of after) await ok(step.url, step.body);
    };
  const complete = (id: string): Request => ({ url: `/actions/${id}/complete`, body: {} });
  /** An escalation with the agency on the given side and THIRD on the other, with one named child. */
  const escalation =
    (agency: string, id: string, side: 'raising' | 'concerning', ...after: Request[]) =>
    async () => {
      const [raisedByAgency, concerningAgency] = side === 'raising' ? [agency, THIRD] : [THIRD, agency];
      await ok('/escalations', {
        escalationId: id,
        protocolId: 'ws-protocol',
        raisedByAgency,
        concerningAgency,
        subject: 'Delay in an assessment',
        dataSubjects: [{ subjectId: `${id}-child`, relation: 'child', name: 'Child Sealed' }],
      });
      for (const step of after) await ok(step.url, step.body);
    };
  const pledge =
    (agency: string, id: string, year = YEAR) =>
    async () =>
      ok(
        `${year}/pledges`,
        { pledgeId: id, partnerId: agency, amountPence: 100_000, basis: 'agreed' },
        await rep(agency),
      );
  const signoff = (id: string, signedBy?: string) => async () => {
    await ok('/signoffs', {
      signoffId: id,
      artefact: { artefactId: id, kind: 'other', title: 'Carers pack', version: 'v1', contentHash: HASH },
      requiredPartnerIds: [OWN, OTHER, THIRD],
    });
    if (signedBy) await ok(`/signoffs/${id}/sign`, { partnerId: signedBy }, await chair());
  };

  /** The budget commands naming a partner, on a budget's routes (by year, or by owner and year). */
  const budgetFixtures = (base: string): Record<BudgetCommand, Fixture> => ({
    pledgeContribution: (a, id) => ({
      request: { url: `${base}/pledges`, body: { pledgeId: id, partnerId: a, amountPence: 100_000, basis: 'agreed' } },
    }),
    amendPledge: (a, id) => ({
      setup: pledge(a, id, base),
      request: {
        url: `${base}/pledges/${id}/amendment`,
        body: { amountPence: 200_000, basis: 'agreed', reason: 'Board approved more' },
      },
    }),
    withdrawPledge: (a, id) => ({
      setup: pledge(a, id, base),
      request: { url: `${base}/pledges/${id}/withdrawal`, body: { reason: 'Not approved' } },
    }),
    recordPayment: (a, id) => ({
      request: {
        url: `${base}/payments`,
        body: { paymentId: id, partnerId: a, amountPence: 100_000, receivedOn: '2022-06-01' },
      },
    }),
    underwriteShortfall: (a, id) => ({
      request: {
        url: `${base}/underwritings`,
        body: {
          underwritingId: id,
          shortfallPence: 100_000,
          partnerIds: [a],
          method: 'fixed-caps',
          capsPence: [100_000],
          basis: 'in-principle',
        },
      },
    }),
  });

  /** One per checked command of the table: a test below fails if the table has one without it. */
  const FIXTURES: Record<CheckedCommand, Fixture> = {
    noteActionProgress: (a, id) => ({
      setup: action(a, id),
      request: { url: `/actions/${id}/progress`, body: { note: 'On the June agenda' } },
    }),
    completeAction: (a, id) => ({ setup: action(a, id), request: complete(id) }),
    reassignAction: (a, id) => ({
      setup: action(a, id),
      request: {
        url: `/actions/${id}/reassign`,
        body: { owners: [{ kind: 'team', name: 'WS Business Team' }], reason: 'Business team leads' },
      },
    }),
    carryActionForward: (a, id) => ({
      setup: action(a, id),
      request: { url: `/actions/${id}/carry-forward`, body: { toMeetingId: 'wseb-2022-07-12' } },
    }),
    changeActionDueDate: (a, id) => ({
      setup: action(a, id),
      request: { url: `/actions/${id}/due-date`, body: { dueDate: '2022-07-01', reason: 'Agenda full' } },
    }),
    closeAction: (a, id) => ({
      setup: action(a, id, complete(id)),
      request: { url: `/actions/${id}/close`, body: {} },
    }),
    reopenAction: (a, id) => ({
      setup: action(a, id, complete(id)),
      request: { url: `/actions/${id}/reopen`, body: { reason: 'Not done after all' } },
    }),
    cancelAction: (a, id) => ({
      setup: action(a, id),
      request: { url: `/actions/${id}/cancel`, body: { reason: 'Superseded' } },
    }),
    ...budgetFixtures(YEAR),
    ...forOwner(budgetFixtures(BOARD_YEAR)),
    raiseEscalation: (a, id) => ({
      request: {
        url: '/escalations',
        body: {
          escalationId: id,
          protocolId: 'ws-protocol',
          raisedByAgency: a,
          concerningAgency: THIRD,
          subject: 'Delay in an assessment',
        },
      },
    }),
    acknowledgeEscalation: (a, id) => ({
      setup: escalation(a, id, 'concerning'),
      request: { url: `/escalations/${id}/acknowledge`, body: {} },
    }),
    // The raising agency answers for itself too (it used to be refused: only the chair could record its reply).
    recordEscalationResponse: (a, id) => ({
      setup: escalation(a, id, 'raising'),
      request: { url: `/escalations/${id}/responses`, body: { respondingAgency: a, response: 'We disagree' } },
    }),
    escalateEscalation: (a, id) => ({
      setup: escalation(a, id, 'concerning'),
      request: { url: `/escalations/${id}/escalate`, body: { reason: 'Timescale passed' } },
    }),
    resolveEscalation: (a, id) => ({
      setup: escalation(a, id, 'raising'),
      request: { url: `/escalations/${id}/resolve`, body: { outcome: 'agreed', summary: 'Date agreed' } },
    }),
    closeEscalation: (a, id) => ({
      setup: escalation(a, id, 'concerning', {
        url: `/escalations/${id}/resolve`,
        body: { outcome: 'agreed', summary: 'Date agreed' },
      }),
      request: { url: `/escalations/${id}/close`, body: {} },
    }),
    rectifyDataSubject: (a, id) => ({
      setup: escalation(a, id, 'raising'),
      request: {
        url: `/escalations/${id}/data-subjects/${id}-child/rectification`,
        body: { name: 'Child Corrected', reason: 'Spelling' },
      },
    }),
    signSignoff: (a, id) => ({ setup: signoff(id), request: { url: `/signoffs/${id}/sign`, body: { partnerId: a } } }),
    withdrawSignoffSignature: (a, id) => ({
      setup: signoff(id, a),
      request: { url: `/signoffs/${id}/withdraw-signature`, body: { partnerId: a, reason: 'Signed in error' } },
    }),
  };
  const checked = (Object.keys(AGENCY_RULES) as AgencyScopedCommand[]).filter(
    (c): c is CheckedCommand => AGENCY_RULES[c].from === 'body' || AGENCY_RULES[c].from === 'record',
  );
  const permissionOf = (operationId: string) =>
    operations(doc).find((o) => o.op.operationId === operationId)!.op['x-required-permission'] as Permission;

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const a = await admin();
    for (const [partnerId, kind] of [
      [OWN, 'police'],
      [OTHER, 'health'],
      [THIRD, 'local-authority'],
    ])
      await ok('/partners', { partnerId, name: partnerId, kind }, a);
    await ok('/people', { personId: 'pete-hill', name: 'Pete Hill', partnerId: OWN }, a);
    await ok('/people', { personId: 'jackie-channell', name: 'Jackie Channell', partnerId: OTHER }, a);
    await ok('/boards', { boardId: 'wseb', name: 'Executive Board', kind: 'executive-board' }, a);
    await ok(
      '/escalation-protocols',
      {
        protocolId: 'ws-protocol',
        name: 'Escalation protocol',
        stages: [
          { name: 'Practitioners', timescaleWorkingDays: 2 },
          { name: 'Managers', timescaleWorkingDays: 5 },
        ],
      },
      a,
    );
    for (const [meetingId, at] of [
      [MAY, '2022-05-10T10:00:00Z'],
      ['wseb-2022-06-07', '2022-06-07T10:00:00Z'],
      ['wseb-2022-07-12', '2022-07-12T10:00:00Z'],
    ])
      await ok('/meetings', { meetingId, boardId: 'wseb', scheduledFor: at });
    await ok(`/meetings/${MAY}/agenda-items`, { itemNumber: 1, title: 'Actions' });
    await ok('/budgets', { financialYear: '2022-23', totalPence: 32_100_000, lines: [] });
    await ok('/budgets', { ownerId: 'wseb', financialYear: '2022-23', totalPence: 32_100_000, lines: [] });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the table cannot drift from the API', () => {
    /** Property names anywhere in a body schema (nested objects and arrays included). */
    const propertyNames = (s: Schema | undefined, seen = new Set<Schema>()): string[] => {
      if (!s || seen.has(s)) return [];
      seen.add(s);
      const r = resolve(doc, s);
      return [
        ...Object.entries(r.properties ?? {}).flatMap(([k, v]) => [k, ...propertyNames(v, seen)]),
        ...propertyNames(r.items, seen),
      ];
    };

    it('has every command operation that names an agency, or changes a record agencies own, in the rule table', () => {
      const scoped = operations(doc)
        .filter(
          ({ method, path, op }) =>
            method !== 'GET' &&
            (/\{(partnerId|actionId|escalationId|pledgeId)\}/.test(path) ||
              propertyNames(bodySchema(doc, op)).some((p) => /agency|partner/i.test(p))),
        )
        .map(({ op }) => op.operationId)
        .sort();
      expect(scoped.length).toBeGreaterThan(20);
      expect(scoped.filter((id) => !(id in AGENCY_RULES))).toEqual([]);
      const served = new Set(operations(doc).map(({ op }) => op.operationId));
      expect(Object.keys(AGENCY_RULES).filter((id) => !served.has(id))).toEqual([]);
    });

    it('names, for each command whose body says which agency it acts for, a field its body really has', () => {
      for (const command of checked) {
        const rule: AgencySource = AGENCY_RULES[command];
        if (rule.from !== 'body') continue;
        const op = operations(doc).find((o) => o.op.operationId === command)!.op;
        expect({ command, has: Object.keys(bodySchema(doc, op)?.properties ?? {}).includes(rule.field) }).toEqual({
          command,
          has: true,
        });
      }
    });

    it('has a fixture for every checked command, and no fixture for a command the table lacks', () => {
      expect(Object.keys(FIXTURES).sort()).toEqual([...checked].sort());
    });

    it('lets only roles that act for any agency send a partnership command (the access table enforces it, so handlers need no check)', () => {
      for (const command of Object.keys(AGENCY_RULES) as AgencyScopedCommand[]) {
        if (AGENCY_RULES[command].from !== 'partnership') continue;
        const holders = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permissionOf(command)));
        expect({ command, agencyBound: holders.filter((r) => !ACTS_FOR_ANY_AGENCY.includes(r)) }).toEqual({
          command,
          agencyBound: [],
        });
      }
    });
  });

  describe('the findings, one by one', () => {
    const policeRep = () => rep(OWN);
    const member = () => t.token({ userId: 'pete-hill', role: 'member', agency: OWN });
    const refusedNothingWritten = async (res: Awaited<ReturnType<typeof send>>, before: number, target: string) => {
      expectProblem(res, 403, 'not-your-agency');
      expect(res.body).toMatchObject({ agency: OWN, target });
      expect(await eventCount(t)).toBe(before);
    };

    it('given an action the ICB owns, when a police representative notes progress on it or completes it, then 403 and nothing is written', async () => {
      await action(OTHER, 'icb-action')();
      const before = await eventCount(t);
      await refusedNothingWritten(
        await send(t, '/actions/icb-action/progress', { note: 'Done' }, { token: await policeRep() }),
        before,
        OTHER,
      );
      await refusedNothingWritten(
        await send(t, '/actions/icb-action/complete', {}, { token: await policeRep() }),
        before,
        OTHER,
      );
    });

    it('given actions of the ICB and of a team, when a police member notes progress, then 403; on an action of a police person, 200', async () => {
      await action(OTHER, 'icb-action-2')();
      await raiseAction('team-action', { kind: 'team', name: 'All' });
      await raiseAction('pete-action', { kind: 'person', personId: 'pete-hill' });
      const before = await eventCount(t);
      await refusedNothingWritten(
        await send(t, '/actions/icb-action-2/progress', { note: 'x' }, { token: await member() }),
        before,
        OTHER,
      );
      const team = await send(t, '/actions/team-action/progress', { note: 'x' }, { token: await member() });
      expectProblem(team, 403, 'not-your-agency');
      expect(await eventCount(t)).toBe(before);
      expect(
        (await send(t, '/actions/pete-action/progress', { note: 'Reported at the meeting' }, { token: await member() }))
          .status,
      ).toBe(200);
      expectProblem(
        await send(t, '/actions/pete-action/progress', { note: 'x' }, { token: await rep(OTHER) }),
        403,
        'not-your-agency',
      );
    });

    it('given a person who moved agency, when their action is changed, then the agency they represent on the business date owns it', async () => {
      await ok('/people', { personId: 'mover', name: 'Moving Person', partnerId: OTHER }, await admin());
      await ok('/people/mover/update', { effectiveFrom: '2022-06-01', partnerId: OWN }, await admin());
      await raiseAction('mover-action', { kind: 'person', personId: 'mover' });
      expectProblem(
        await send(
          t,
          '/actions/mover-action/progress',
          { note: 'x', occurredAt: '2022-05-20T10:00:00Z' },
          { token: await policeRep() },
        ),
        403,
        'not-your-agency',
      );
      expect(
        (
          await send(
            t,
            '/actions/mover-action/progress',
            { note: 'x', occurredAt: '2022-06-20T10:00:00Z' },
            { token: await policeRep() },
          )
        ).status,
      ).toBe(200);
    });

    it('given a West Mercia Police representative, when they raise an escalation as Warwickshire Police, then 403 and nothing is written', async () => {
      const westMercia = await t.token({
        userId: 'wm-rep',
        role: 'partner-representative',
        agency: 'west-mercia-police',
      });
      const before = await eventCount(t);
      const res = await send(
        t,
        '/escalations',
        {
          escalationId: 'forged-1',
          protocolId: 'ws-protocol',
          raisedByAgency: OWN,
          concerningAgency: THIRD,
          subject: 'Delay',
        },
        { token: westMercia },
      );
      expectProblem(res, 403, 'not-your-agency');
      expect(res.body).toMatchObject({ agency: 'west-mercia-police', target: OWN });
      expect(await eventCount(t)).toBe(before);
    });

    it('given an escalation police raised, when the police representative records its response, then 200; the concerning agency may not answer for it', async () => {
      await escalation(OWN, 'police-raised', 'raising')();
      expectProblem(
        await send(
          t,
          '/escalations/police-raised/responses',
          { respondingAgency: OWN, response: 'As them' },
          { token: await rep(THIRD) },
        ),
        403,
        'not-your-agency',
      );
      const res = await send(
        t,
        '/escalations/police-raised/responses',
        { respondingAgency: OWN, response: 'We still disagree' },
        { token: await policeRep() },
      );
      expect(res.status).toBe(200);
      expect((await t.store.readStream('escalation-police-raised')).at(-1)!.data).toMatchObject({
        respondingAgency: OWN,
      });
    });

    it('given a deputy for a police member at a meeting, when they sign for police, then 200; for the ICB, 403 not-your-agency', async () => {
      await ok('/people', { personId: 'dana-deputy', name: 'Dana Deputy', partnerId: OWN }, await admin());
      await ok(`/meetings/${MAY}/attendance`, {
        entries: [{ personId: 'dana-deputy', status: 'deputising', deputisingForPersonId: 'pete-hill' }],
      });
      await signoff('deputy-pack')();
      const token = await t.token({ role: 'member', userId: 'dana-deputy', agency: OWN });
      const sign = (partnerId: string) =>
        t.app.inject({
          method: 'POST',
          url: '/signoffs/deputy-pack/sign',
          payload: { partnerId, occurredAt: '2022-05-10T11:00:00Z' },
          headers: { authorization: `Bearer ${token}`, 'x-deputising-meeting': MAY, 'x-deputising-for': 'pete-hill' },
        });
      const other = await sign(OTHER);
      expect({ status: other.statusCode, code: other.json().code }).toEqual({ status: 403, code: 'not-your-agency' });
      expect((await sign(OWN)).statusCode).toBe(200);
    });
  });

  /** The rule stated plainly: the access table first, then own agency unless the role acts for any. */
  const expected = (role: Role, command: CheckedCommand, own: boolean): 'ok' | 'forbidden' | 'not-your-agency' => {
    if (!ROLE_PERMISSIONS[role].includes(permissionOf(command))) return 'forbidden';
    return own || ACTS_FOR_ANY_AGENCY.includes(role) ? 'ok' : 'not-your-agency';
  };

  it('answers every command x role x own/other agency as the table says, and a refusal writes nothing', async () => {
    const results: string[] = [];
    const wanted: string[] = [];
    let n = 0;
    for (const command of checked) {
      for (const role of ROLES) {
        const token = await t.token({ userId: `user-${role}`, role, agency: OWN });
        for (const own of [true, false]) {
          const { setup, request } = FIXTURES[command](own ? OWN : OTHER, `m${++n}`);
          await setup?.();
          const before = await eventCount(t);
          const res = await send(t, request.url, request.body, { token });
          const written = (await eventCount(t)) - before;
          const got =
            res.status < 300 && written > 0
              ? 'ok'
              : res.status === 403 && written === 0
                ? res.body.code
                : `${res.status} ${res.body?.code} wrote ${written}`;
          const want = expected(role, command, own);
          results.push(`${command} ${role} ${own ? 'own' : 'other'}: ${got}`);
          wanted.push(`${command} ${role} ${own ? 'own' : 'other'}: ${want}`);
          if (want === 'not-your-agency')
            expect(res.body).toMatchObject({ agency: OWN, targets: expect.arrayContaining([OTHER]) });
        }
      }
    }
    expect(results).toEqual(wanted);
    // Both sides are exercised: some representative cases succeed, some are refused as another agency's.
    expect(wanted.filter((w) => w.includes('partner-representative') && w.endsWith('ok')).length).toBeGreaterThan(5);
    expect(wanted.filter((w) => w.endsWith('not-your-agency')).length).toBeGreaterThan(10);
  });
});
