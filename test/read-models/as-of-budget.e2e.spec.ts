import type { TokenClaims } from '../../src/auth/mint-token';
import { eventCount } from '../support/http';
import { asOfSuite } from './support/as-of-suite';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * Budgets as the register showed them then: written through the API on business dates, with the
 * ledger's clock moved between writes so each day's entries are recorded that day, except one
 * late entry (a pledge amended in July about May) to show as-of is what was known, not business time.
 */
let t: ProjectionsTestApp;
const { positions, get, on, expectAnsweredFromSnapshot, expectRefused, expectReadProblem, expectDocumented } =
  asOfSuite(() => t, '10');
const admin: Partial<TokenClaims> = { userId: 'admin-1', role: 'admin' };
const policeRep: Partial<TokenClaims> = {
  userId: 'pete-hill',
  role: 'partner-representative',
  agency: 'warwickshire-police',
};
const councilRep: Partial<TokenClaims> = {
  userId: 'nigel-minns',
  role: 'partner-representative',
  agency: 'warwickshire-cc',
};

const reviews = { lineId: 'reviews', name: 'Practice reviews', amountPence: 3_500_000 };

beforeAll(async () => {
  // Snapshots every 3 events (the default is 10,000), so answers come from a snapshot plus a short replay.
  t = await startProjectionsApp({ READ_MODEL_SNAPSHOT_EVERY: '3' });
  for (const [partnerId, name, kind] of [
    ['warwickshire-cc', 'Warwickshire County Council', 'local-authority'],
    ['warwickshire-police', 'Warwickshire Police', 'police'],
  ]) {
    await on('2022-03-01', partnerId, '/partners', { partnerId, name, kind }, admin);
  }
  await on('2022-04-01', 'set-2022-23', '/budgets', {
    financialYear: '2022-23',
    totalPence: 32_100_000,
    lines: [reviews],
  });
  await on(
    '2022-05-10',
    'police-pledge',
    '/budgets/2022-23/pledges',
    { pledgeId: 'police-2022-23', partnerId: 'warwickshire-police', amountPence: 5_000_000, basis: 'agreed' },
    policeRep,
  );
  await on(
    '2022-05-10',
    'council-pledge',
    '/budgets/2022-23/pledges',
    { pledgeId: 'wcc-2022-23', partnerId: 'warwickshire-cc', amountPence: 10_000_000, basis: 'in-principle' },
    councilRep,
  );
  await on('2022-06-01', 'police-paid', '/budgets/2022-23/payments', {
    paymentId: 'police-q1',
    partnerId: 'warwickshire-police',
    amountPence: 2_500_000,
    receivedOn: '2022-06-01',
    pledgeId: 'police-2022-23',
  });
  // Agreed at the May meeting, entered on 20 July.
  await on(
    '2022-07-20',
    'police-amended',
    '/budgets/2022-23/pledges/police-2022-23/amendment',
    { amountPence: 7_000_000, basis: 'agreed', reason: 'Agreed at the May board', occurredAt: '2022-05-10T11:00:00Z' },
    policeRep,
  );
  await on(
    '2022-08-01',
    'police-renamed',
    '/partners/warwickshire-police/rename',
    { name: 'Warwickshire Police and Crime', effectiveFrom: '2022-08-01' },
    admin,
  );
  await on('2022-09-01', 'set-2023-24', '/budgets', {
    financialYear: '2023-24',
    totalPence: 30_000_000,
    lines: [reviews],
  });
  await t.runner.waitFor(positions['set-2023-24']);
});
afterAll(() => t.close());

const years = (res: { body: { items: { financialYear: string }[] } }) => res.body.items.map((i) => i.financialYear);

describe('GET /as-of/budgets', () => {
  it.each([
    ['before any budget was set', '2022-03-31', [], undefined],
    [
      'the day the budget was set',
      '2022-04-01',
      ['2022-23'],
      { agreedPence: 0, paidPence: 0, shortfallPence: 32_100_000, partnerCount: 0 },
    ],
    [
      'after the May pledges',
      '2022-05-10',
      ['2022-23'],
      { agreedPence: 5_000_000, paidPence: 0, shortfallPence: 27_100_000, partnerCount: 2 },
    ],
    [
      'after the first payment',
      '2022-06-01',
      ['2022-23'],
      { agreedPence: 5_000_000, paidPence: 2_500_000, partnerCount: 2 },
    ],
    [
      'the day before the late amendment was entered',
      '2022-07-19',
      ['2022-23'],
      { agreedPence: 5_000_000, shortfallPence: 27_100_000 },
    ],
    [
      'once the amendment was entered',
      '2022-07-20',
      ['2022-23'],
      { agreedPence: 7_000_000, shortfallPence: 25_100_000 },
    ],
    [
      'after the next year was set',
      '2022-09-01',
      ['2022-23', '2023-24'],
      { agreedPence: 7_000_000, paidPence: 2_500_000 },
    ],
  ])('%s (%s)', async (_, asOf, expected, first) => {
    const res = await get(`/as-of/budgets?asOf=${asOf}`);
    expect(res.status).toBe(200);
    expect(years(res)).toEqual(expected);
    if (first) expect(res.body.items[0]).toMatchObject(first);
    expect(res.body.asOf).toMatchObject({ basis: 'recorded', requested: asOf });
  });

  it('says which position and recorded time answered, from a snapshot and a short replay', async () => {
    const res = await get('/as-of/budgets?asOf=2022-06-01');
    expectAnsweredFromSnapshot(res.body.asOf, '2022-06-01', 'police-paid', '2022-06-01T18:00:00.000Z');
  });

  it('takes a log position: the register after every event at or before it', async () => {
    const res = await get(`/as-of/budgets?asOf=${positions['police-pledge']}`);
    expect(res.body.items).toEqual([
      expect.objectContaining({ financialYear: '2022-23', agreedPence: 5_000_000, partnerCount: 1 }),
    ]);
    expect(res.body.asOf).toMatchObject({
      basis: 'position',
      position: positions['police-pledge'],
      recordedAt: '2022-05-10T18:00:00.000Z',
    });
  });

  it('at the latest position, answers what the live register shows', async () => {
    const live = await get('/budgets');
    const then = await get(`/as-of/budgets?asOf=${positions['set-2023-24']}`);
    expect(then.body.items).toEqual(live.body.items);
  });

  it('pages with the cursor at the same asOf', async () => {
    const first = await get('/as-of/budgets?asOf=2022-09-01&limit=1');
    expect(years(first)).toEqual(['2022-23']);
    const second = await get(`/as-of/budgets?asOf=2022-09-01&limit=1&cursor=${first.body.nextCursor}`);
    expect(years(second)).toEqual(['2023-24']);
    expect(second.body.nextCursor).toBeNull();
  });

  it.each([
    ['', 'asOf'],
    ['asOf=last-week', 'asOf'],
    ['asOf=2022-02-30', 'asOf'],
    ['asOf=2022-07-01T12:00:00', 'asOf'],
    ['asOf=2022-07-01&limit=0', 'limit'],
    ['asOf=2022-07-01&cursor=not%20a%20cursor', 'cursor'],
    ['asOf=2022-07-01&colour=red', 'colour'],
  ])('refuses ?%s naming %s, writing nothing', (query, field) =>
    expectRefused(`/as-of/budgets?${query}`, 400, 'validation-failed', field),
  );
});

describe('GET /as-of/budgets/:financialYear/contributions', () => {
  it('shows the pledges, payments and partner names as they stood then', async () => {
    const res = await get('/as-of/budgets/2022-23/contributions?asOf=2022-07-19');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      financialYear: '2022-23',
      totalPence: 32_100_000,
      contributions: { agreedPence: 5_000_000, inPrinciplePence: 10_000_000, paidPence: 2_500_000 },
      asOf: { basis: 'recorded', requested: '2022-07-19', position: positions['police-paid'] },
    });
    expect(res.body.partners).toEqual([
      expect.objectContaining({
        partnerId: 'warwickshire-cc',
        partnerName: 'Warwickshire County Council',
        inPrinciplePence: 10_000_000,
      }),
      expect.objectContaining({
        partnerId: 'warwickshire-police',
        partnerName: 'Warwickshire Police',
        agreedPence: 5_000_000,
        paidPence: 2_500_000,
      }),
    ]);
  });

  it('shows the late amendment with its business time once it was entered, and the later name', async () => {
    const res = await get('/as-of/budgets/2022-23/contributions?asOf=2022-08-01T23:00:00%2B01:00');
    expect(res.body.contributions).toMatchObject({ agreedPence: 7_000_000 });
    expect(res.body.lastUpdate).toMatchObject({
      type: 'pledge-amended',
      occurredAt: '2022-05-10T11:00:00.000Z',
      recordedAt: '2022-07-20T18:00:00.000Z',
    });
    expect(res.body.partners[1]).toMatchObject({
      partnerId: 'warwickshire-police',
      partnerName: 'Warwickshire Police and Crime',
    });
    expect(res.body.asOf).toMatchObject({ basis: 'recorded', position: positions['police-renamed'] });
  });

  it('at a position', async () => {
    const res = await get(`/as-of/budgets/2022-23/contributions?asOf=${positions['set-2022-23']}`);
    expect(res.body).toMatchObject({
      contributions: { agreedPence: 0, paidPence: 0 },
      partners: [],
      asOf: { basis: 'position', position: positions['set-2022-23'] },
    });
  });

  it.each([
    ['a year not yet set then', '/as-of/budgets/2023-24/contributions?asOf=2022-08-31', 404, 'budget-not-found'],
    ['before anything was recorded', '/as-of/budgets/2022-23/contributions?asOf=2022-01-01', 404, 'budget-not-found'],
    ['a year never set', '/as-of/budgets/2030-31/contributions?asOf=2022-09-01', 404, 'budget-not-found'],
    ['not a financial year', '/as-of/budgets/2022-24/contributions?asOf=2022-09-01', 400, 'invalid-financial-year'],
    ['a bad asOf', '/as-of/budgets/2022-23/contributions?asOf=soon', 400, 'validation-failed'],
    ['no asOf', '/as-of/budgets/2022-23/contributions', 400, 'validation-failed'],
  ])('%s: GET %s -> %s %s', (_, url, status, code) => expectReadProblem(url, status, code));

  it('answers an auditor, and reading writes nothing', async () => {
    const before = await eventCount(t);
    expect(
      (
        await get('/as-of/budgets/2022-23/contributions?asOf=2022-06-01', {
          token: await t.token({ role: 'auditor', userId: 'audit-1' }),
        })
      ).status,
    ).toBe(200);
    expect(await eventCount(t)).toBe(before);
  });
});

describe('budgets as-of in OpenAPI', () => {
  it('documents both endpoints with their permission and the asOf parameter', () =>
    expectDocumented(
      {
        '/as-of/budgets': 'listBudgetsAsOf',
        '/as-of/budgets/{financialYear}/contributions': 'getBudgetContributionsAsOf',
      },
      '/as-of/budgets',
      ['asOf', 'limit', 'cursor'],
    ));
});
