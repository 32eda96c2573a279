import { eventCount, expectProblem, send } from '../support/http';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';
import { YEAR_END_2016_17 } from './support/year-end-2016-17';

/**
 * Spending against budget lines, a year's close and its carry-forward, written through the API and
 * read back from GET /budgets/:financialYear/contributions. The decider's refusals are in
 * src/funding/domain/year-end.spec.ts; here, the handler's fact (a referenced record) and the codes
 * as they leave the API.
 */
let t: ProjectionsTestApp;
const caughtUp = async () => t.runner.waitFor((await t.store.readAll()).at(-1)!.position);
const post = async (url: string, body: unknown) => send(t, url, body, { token: await t.token() });
const postOk = async (url: string, body: unknown) => {
  const res = await post(url, body);
  expect([200, 201]).toContain(res.status);
  return res;
};
const view = async (financialYear: string) => {
  await caughtUp();
  const res = await send(t, `/budgets/${financialYear}/contributions`, undefined, {
    method: 'GET',
    token: await t.token({ role: 'auditor', userId: 'audit-1' }),
  });
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await startProjectionsApp({});
});
afterAll(() => t.close());

describe('spending against budget lines', () => {
  const reviews = { lineId: 'reviews', name: 'Practice reviews (4-5 SAR/CSPR a year)', amountPence: 3_500_000 };
  const website = { lineId: 'website', name: 'Website, projects and training', amountPence: 500_000 };
  const spend = (spendId: string, patch: Record<string, unknown>) => ({
    spendId,
    kind: 'actual',
    lineId: 'reviews',
    amountPence: 100,
    spentOn: '2022-11-01',
    description: 'Independent reviewer',
    ...patch,
  });

  beforeAll(async () => {
    await postOk('/budgets', { financialYear: '2022-23', totalPence: 32_100_000, lines: [reviews, website] });
    await postOk('/case-reviews', {
      caseReviewId: 'cspr-child-a',
      type: 'rapid-review',
      title: 'Child A',
      awareOn: '2022-06-01',
    });
  });

  it('given a year with lines, when a review is committed and part paid, then each line shows budget, committed, spent and remaining', async () => {
    const forReview = { reference: { kind: 'case-review', id: 'cspr-child-a' } };
    await postOk(
      '/budgets/2022-23/spending',
      spend('author-a', { kind: 'commitment', amountPence: 1_200_000, ...forReview }),
    );
    await postOk(
      '/budgets/2022-23/spending',
      spend('author-a-paid', { amountPence: 800_000, settlesCommitmentId: 'author-a', ...forReview }),
    );
    await postOk('/budgets/2022-23/spending', spend('site', { lineId: 'website', amountPence: 300_000 }));

    const body = await view('2022-23');
    expect(body.spending.lines).toEqual([
      {
        lineId: 'reviews',
        name: reviews.name,
        budgetPence: 3_500_000,
        committedPence: 400_000,
        spentPence: 800_000,
        remainingPence: 2_300_000,
      },
      {
        lineId: 'website',
        name: website.name,
        budgetPence: 500_000,
        committedPence: 0,
        spentPence: 300_000,
        remainingPence: 200_000,
      },
    ]);
    expect(body.spending.totals).toEqual({
      budgetPence: 32_100_000,
      committedPence: 400_000,
      spentPence: 1_100_000,
      remainingPence: 30_600_000,
    });
    expect(body.spending.entries[0]).toMatchObject({ spendId: 'author-a', reference: forReview.reference });
  });

  it('refuses a spend for a record that is not recorded with referenced-record-not-found, and writes nothing', async () => {
    const before = await eventCount(t);
    const res = await post(
      '/budgets/2022-23/spending',
      spend('ghost', { reference: { kind: 'case-review', id: 'no-such-review' } }),
    );
    expectProblem(res, 422, 'referenced-record-not-found');
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses bad fields with 400 naming each one, and writes nothing', async () => {
    const before = await eventCount(t);
    const res = await post('/budgets/2022-23/spending', {
      ...spend('bad', { kind: 'maybe', amountPence: 0, spentOn: '1 Nov 2022' }),
      reference: { kind: 'lunch', id: 'x' },
    });
    expectProblem(res, 400, 'validation-failed');
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'amountPence',
      'kind',
      'reference.kind',
      'spentOn',
    ]);
    expect(await eventCount(t)).toBe(before);
  });
});

/**
 * Warwickshire Safeguarding Children Board, Annual Report 2016-17, "3. Governance and accountability
 * arrangements", Budget (../shared/seeds/003_3138b66d3f6a209c.txt): "£110,139 was carried forward into
 * 2016-17, of which £63,096 was spent during the year. £18,000 of this ... A further £40,000 ... The rest
 * of the carry forward spend (£5,038) ... £47,043 is carried forward". The parts total £63,038, £58 less
 * than the stated £63,096; £110,139 less £47,043 is £63,096. The report gives no budget total, so the
 * year is recorded from these figures alone.
 */
describe('the 2016-17 carry-forward, as the annual report states it', () => {
  const source = 'WSCB Annual Report 2016-17, 3. Governance and accountability arrangements: Budget';
  let beforeClose: number;

  beforeAll(async () => {
    await postOk('/budgets/2015-16/carry-forward', { amountPence: 11_013_900, source });
    beforeClose = (await t.store.readAll()).at(-1)!.position;
    await postOk('/budgets/2016-17/closure', {
      carryForwardSpent: {
        statedPence: 6_309_600,
        parts: [
          { label: "'Something's not right' campaign (partner funding paid in 2015-16)", amountPence: 1_800_000 },
          { label: 'Balancing the budget: no learning and development grant from WCC', amountPence: 4_000_000 },
          { label: 'Case review spending above contributions for reviews', amountPence: 503_800 },
        ],
      },
      source,
    });
    await postOk('/budgets/2016-17/carry-forward', { amountPence: 4_704_300, source });
  });

  it('reads £110,139 brought forward and £63,096 spent, with the £58 by which the parts fall short shown as such', async () => {
    const body = await view('2016-17');
    expect(body.yearEnd).toMatchObject({
      closed: true,
      budgetHeld: false,
      source,
      ...YEAR_END_2016_17,
    });
  });

  it('shows the one carry-forward in both years: carried out of 2016-17, brought forward into 2017-18', async () => {
    const into = await view('2017-18');
    expect(into.yearEnd).toMatchObject({
      closed: false,
      broughtForward: { fromFinancialYear: '2016-17', amountPence: 4_704_300 },
      carriedOut: null,
    });
    const carried = (await t.store.readAll()).filter((e) => e.type === 'carried-forward');
    expect(carried.map((e) => e.streamId)).toEqual(['budget-2015-16', 'budget-2016-17']);
  });

  it('as of the log before the close, reads 2016-17 as only brought forward into', async () => {
    await caughtUp();
    const res = await send(t, `/as-of/budgets/2016-17/contributions?knownAt=${beforeClose}`, undefined, {
      method: 'GET',
      token: await t.token(),
    });
    expect(res.status).toBe(200);
    expect(res.body.yearEnd).toMatchObject({
      closed: false,
      broughtForward: { amountPence: 11_013_900 },
      carriedOut: null,
      carryForwardSpent: null,
    });
  });

  it('refuses to carry 2016-17 forward twice with already-carried-forward, and writes nothing', async () => {
    const before = await eventCount(t);
    expectProblem(
      await post('/budgets/2016-17/carry-forward', { amountPence: 4_704_300, source }),
      409,
      'already-carried-forward',
    );
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses to set a budget for the closed year with year-closed', async () => {
    expectProblem(await post('/budgets', { financialYear: '2016-17', totalPence: 100, lines: [] }), 409, 'year-closed');
  });
});

describe('underwriting follows a partner succession (CCG -> ICB)', () => {
  it('given the CCG underwrote 2022-23 and the ICB succeeded it on 1 July 2022, then the share reads on the ICB from that date', async () => {
    const admin = await t.token({ userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' });
    for (const [partnerId, name] of [
      ['cw-ccg', 'NHS Coventry and Warwickshire CCG'],
      ['cw-icb', 'NHS Coventry and Warwickshire ICB'],
    ])
      expect((await send(t, '/partners', { partnerId, name, kind: 'health' }, { token: admin })).status).toBe(201);
    await postOk('/budgets/2022-23/underwritings', {
      underwritingId: 'health-shortfall',
      shortfallPence: 700_000,
      partnerIds: ['cw-ccg'],
      method: 'equal',
      basis: 'in-principle',
    });
    const succession = { successorId: 'cw-icb', effectiveFrom: '2022-07-01' };
    expect((await send(t, '/partners/cw-ccg/succession', succession, { token: admin })).status).toBe(200);

    const body = await view('2022-23');
    const icb = body.partners.find((p: { partnerId: string }) => p.partnerId === 'cw-icb');
    expect(icb.underwriting).toEqual({
      sharePence: 700_000,
      capPence: null,
      basis: 'in-principle',
      undertakenBy: 'cw-ccg',
      heldSince: '2022-07-01',
    });
    expect(body.partners.map((p: { partnerId: string }) => p.partnerId)).not.toContain('cw-ccg');
  });
});
