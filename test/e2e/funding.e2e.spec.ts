import { eventCount, expectProblem, expectSameAnswer, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import { SHORTFALL_UNDERWRITING_2022_23, STATUTORY_PARTNERS_2022_23 } from '../support/recorded-examples';

type Who = 'manager' | 'police-rep' | 'council-rep';
interface EndpointCase {
  name: string;
  url: string;
  who: Who;
  body: Record<string, unknown>;
  status: 200 | 201;
  event: string;
  invalid: { body: Record<string, unknown>; fields: string[] };
  /** Only where the handler loads a fact from another stream (a partner); the budget's own rules are the decider specs'. */
  refused?: { because: string; body: Record<string, unknown>; status: 404 | 409 | 422; code: string };
}

// Warwickshire Safeguarding 2022/23: £321,000, of which £35,000 reviews and £5,000 website, projects and training.
const reviews = { lineId: 'reviews', name: 'Practice reviews (4-5 SAR/CSPR a year)', amountPence: 3_500_000 };
const website = {
  lineId: 'website-projects-training',
  name: 'Website, commissioned projects and training',
  amountPence: 500_000,
};
const statutory = STATUTORY_PARTNERS_2022_23;
const shortfall = SHORTFALL_UNDERWRITING_2022_23;
const pledgeUrl = (action: string, pledgeId = 'police-2022-23', year = '2022-23') =>
  `/budgets/${year}/pledges/${pledgeId}/${action}`;
const SEEDED_EVENTS = 5;

const cases: EndpointCase[] = [
  {
    name: 'set budget',
    url: '/budgets',
    who: 'manager',
    status: 201,
    event: 'budget-set',
    body: { financialYear: '2023-24', totalPence: 32_100_000, lines: [reviews, website] },
    invalid: {
      body: { financialYear: '2023-25', totalPence: 100.5, lines: [{ lineId: 'Bad Id', name: '', amountPence: -1 }] },
      fields: ['financialYear', 'lines.0.amountPence', 'lines.0.lineId', 'lines.0.name', 'totalPence'],
    },
  },
  {
    name: 'revise budget',
    url: '/budgets/2022-23/revision',
    who: 'manager',
    status: 200,
    event: 'budget-revised',
    body: { totalPence: 30_000_000, lines: [reviews], reason: 'Police contribution reduced' },
    invalid: { body: { totalPence: 'lots', lines: 'none', reason: '' }, fields: ['lines', 'reason', 'totalPence'] },
  },
  {
    name: 'pledge contribution',
    url: '/budgets/2022-23/pledges',
    who: 'police-rep',
    status: 201,
    event: 'contribution-pledged',
    body: { pledgeId: 'police-extra', partnerId: 'warwickshire-police', amountPence: 100_000, basis: 'up-to' },
    invalid: {
      body: { pledgeId: 'police-extra', partnerId: 'warwickshire-police', amountPence: -5, basis: 'maybe' },
      fields: ['amountPence', 'basis'],
    },
  },
  {
    name: 'amend pledge',
    url: pledgeUrl('amendment'),
    who: 'police-rep',
    status: 200,
    event: 'pledge-amended',
    body: { amountPence: 700_000, basis: 'up-to', reason: 'Capped at £7,000' },
    invalid: { body: { amountPence: 0.5, basis: 'agreed', reason: '' }, fields: ['amountPence', 'reason'] },
  },
  {
    name: 'withdraw pledge',
    url: pledgeUrl('withdrawal'),
    who: 'police-rep',
    status: 200,
    event: 'pledge-withdrawn',
    body: { reason: 'Not approved by the force finance board' },
    invalid: { body: { reason: 'x'.repeat(1001), extra: true }, fields: ['extra', 'reason'] },
  },
  {
    name: 'record payment',
    url: '/budgets/2022-23/payments',
    who: 'manager',
    status: 201,
    event: 'payment-received',
    body: {
      paymentId: 'police-q1',
      partnerId: 'warwickshire-police',
      amountPence: 2_500_000,
      receivedOn: '2022-06-01',
      pledgeId: 'police-2022-23',
    },
    invalid: {
      body: {
        paymentId: 'police-q1',
        partnerId: 'warwickshire-police',
        amountPence: 10.5,
        receivedOn: '1 June 2022',
        pledgeId: 'Bad Id',
      },
      fields: ['amountPence', 'pledgeId', 'receivedOn'],
    },
    refused: {
      because: 'a partner the handler finds unregistered',
      body: { paymentId: 'police-q1', partnerId: 'unknown-partner', amountPence: 2_500_000, receivedOn: '2022-06-01' },
      status: 422,
      code: 'partner-not-registered',
    },
  },
  {
    name: 'underwrite shortfall',
    url: '/budgets/2022-23/underwritings',
    who: 'manager',
    status: 201,
    event: 'shortfall-underwriting-agreed',
    body: shortfall,
    invalid: {
      body: {
        ...shortfall,
        shortfallPence: -1,
        partnerIds: ['cw-icb', 'cw-icb'],
        method: 'random',
        capsPence: [1.5],
        basis: 'up-to',
      },
      fields: ['basis', 'capsPence', 'method', 'partnerIds', 'shortfallPence'],
    },
  },
];

describe('funding (e2e)', () => {
  let t: TestApp;
  const as = (who: Who | 'admin') => {
    if (who === 'manager') return t.token();
    if (who === 'admin') return t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
    const agency = who === 'police-rep' ? 'warwickshire-police' : 'warwickshire-cc';
    return t.token({ userId: who, role: 'partner-representative', agency });
  };
  const post = async (
    url: string,
    body: unknown,
    who: Who = 'manager',
    o: { ifMatch?: string; idempotencyKey?: string } = {},
  ) => send(t, url, body, { token: await as(who), ...o });

  beforeEach(async () => {
    t = await startTestApp();
    const kinds = ['local-authority', 'police', 'health'];
    for (const [i, partnerId] of statutory.entries()) {
      expect(
        (await send(t, '/partners', { partnerId, name: partnerId, kind: kinds[i] }, { token: await as('admin') }))
          .status,
      ).toBe(201);
    }
    expect(
      (await post('/budgets', { financialYear: '2022-23', totalPence: 32_100_000, lines: [reviews, website] })).status,
    ).toBe(201);
    expect(
      (
        await post(
          '/budgets/2022-23/pledges',
          { pledgeId: 'police-2022-23', partnerId: 'warwickshire-police', amountPence: 5_000_000, basis: 'agreed' },
          'police-rep',
        )
      ).status,
    ).toBe(201);
    expect(await eventCount(t)).toBe(SEEDED_EVENTS);
  });
  afterEach(async () => {
    await t.close();
  });

  describe.each(cases)('$name', (c) => {
    it('records the event with the new revision as ETag', async () => {
      const res = await post(c.url, c.body, c.who);
      expect(res.status).toBe(c.status);
      expect(res.body.events).toEqual([c.event]);
      expect(res.headers.etag).toBe(`"${res.body.revision}"`);
      expect(await eventCount(t)).toBe(SEEDED_EVENTS + 1);
    });

    it('refuses invalid fields with 400 naming each one, and writes nothing', async () => {
      const res = await post(c.url, c.invalid.body, c.who);
      expectProblem(res, 400, 'validation-failed');
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(c.invalid.fields);
      expect(await eventCount(t)).toBe(SEEDED_EVENTS);
    });

    it('answers 412 to a stale If-Match, and writes nothing', async () => {
      expectProblem(await post(c.url, c.body, c.who, { ifMatch: '"0"' }), 412, 'wrong-expected-revision');
      expect(await eventCount(t)).toBe(SEEDED_EVENTS);
    });

    it('returns the first result for a retried Idempotency-Key and writes once', async () => {
      const first = await post(c.url, c.body, c.who, { idempotencyKey: `retry-${c.event}` });
      const retry = await post(c.url, c.body, c.who, { idempotencyKey: `retry-${c.event}` });
      expect(first.status).toBe(c.status);
      expectSameAnswer(retry, first);
      expect(await eventCount(t)).toBe(SEEDED_EVENTS + 1);
    });
  });

  describe.each(cases.filter((c) => c.refused))('$name', (c) => {
    const refused = c.refused!;
    it(`refuses ${refused.because} with ${refused.code}, and writes nothing`, async () => {
      expectProblem(await post(c.url, refused.body, c.who), refused.status, refused.code);
      expect(await eventCount(t)).toBe(SEEDED_EVENTS);
    });
  });

  it('records the real 2022/23 underwriting: £21,649 short, up to £7,000 each, £21,000 covered and £649 uncovered', async () => {
    const res = await post('/budgets/2022-23/underwritings', { ...shortfall, occurredAt: '2022-09-22T10:00:00Z' });
    expect(res.status).toBe(201);
    const events = await t.store.readStream('budget-2022-23');
    expect(events.at(-1)).toMatchObject({
      type: 'shortfall-underwriting-agreed',
      data: {
        shortfallPence: 2_164_900,
        coveredPence: 2_100_000,
        uncoveredPence: 64_900,
        shares: statutory.map((partnerId) => ({ partnerId, sharePence: 700_000, capPence: 700_000 })),
      },
      metadata: {
        actor: { userId: 'amrita-sharma', role: 'business-manager' },
        occurredAt: '2022-09-22T10:00:00.000Z',
      },
    });
  });

  it('reports the unallocated money of the budget set', async () => {
    const [set] = await t.store.readStream('budget-2022-23');
    expect(set.data).toMatchObject({ allocatedPence: 4_000_000, unallocatedPence: 28_100_000 });
  });

  it('lets a representative pledge, amend and withdraw only for their own agency', async () => {
    const forCouncil = { pledgeId: 'wcc-2022-23', partnerId: 'warwickshire-cc', amountPence: 100_000, basis: 'agreed' };
    expectProblem(await post('/budgets/2022-23/pledges', forCouncil, 'police-rep'), 403, 'not-your-agency');
    expectProblem(
      await post(pledgeUrl('amendment'), { amountPence: 1, basis: 'agreed', reason: 'r' }, 'council-rep'),
      403,
      'not-your-agency',
    );
    expectProblem(await post(pledgeUrl('withdrawal'), { reason: 'r' }, 'council-rep'), 403, 'not-your-agency');
    expect(await eventCount(t)).toBe(SEEDED_EVENTS);
    expect((await post('/budgets/2022-23/pledges', forCouncil, 'council-rep')).status).toBe(201);
  });

  it('refuses a bad financial year in the path with 400 at the edge', async () => {
    const pay = {
      paymentId: 'police-q1',
      partnerId: 'warwickshire-police',
      amountPence: 100,
      receivedOn: '2022-06-01',
      pledgeId: 'police-2022-23',
    };
    expectProblem(await post('/budgets/2022-24/payments', pay), 400, 'invalid-financial-year');
    expect(await eventCount(t)).toBe(SEEDED_EVENTS);
  });
});
