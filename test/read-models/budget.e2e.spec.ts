import type { IncomingMessage } from 'node:http';
import { loadDemo } from '../../demo/load/load-demo';
import type { BudgetEvent } from '../../src/funding';
import { newEvent } from '../support/events';
import { openStream, readUntil } from '../support/sse';
import { expectProblem, send } from '../support/http';
import { budgetSet, budgetStream, pledged } from './support/budget-events';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/** budgetProjection is one of ProjectionsModule's PROJECTIONS: the projections test app runs and serves it. */
const start = () => startProjectionsApp({});
const caughtUp = async (t: ProjectionsTestApp) => t.runner.waitFor((await t.store.readAll()).at(-1)!.position);
const append = async (t: ProjectionsTestApp, streamId: string, e: { type: string; data: unknown }) =>
  (await t.store.append(streamId, [newEvent(e.type, e.data)], 'any')).position;
const budget = (t: ProjectionsTestApp, e: BudgetEvent) => append(t, budgetStream(e), e);

describe('budget read model over HTTP', () => {
  let t: ProjectionsTestApp;
  const get = (url: string, o: { token?: string | null } = {}) => send(t, url, undefined, { method: 'GET', ...o });
  beforeAll(async () => {
    t = await start();
    await append(t, 'partner-wcc', {
      type: 'partner-registered',
      data: { partnerId: 'wcc', name: 'Warwickshire County Council', kind: 'local-authority', statutory: true },
    });
    for (const [fy, total] of [
      ['2021-22', 300_000],
      ['2022-23', 1_000_000],
      ['2023-24', 500_000],
    ] as const)
      await budget(t, budgetSet(fy, total));
    await budget(t, pledged('2022-23', 'p1', 'wcc', 600_000));
    await budget(t, pledged('2022-23', 'p2', 'police', 100_000, 'in-principle'));
    await budget(t, {
      type: 'payment-received',
      data: {
        financialYear: '2022-23',
        paymentId: 'pay1',
        partnerId: 'wcc',
        amountPence: 250_000,
        receivedOn: '2022-06-30',
        pledgeId: 'p1',
      },
    });
    await caughtUp(t);
  });
  afterAll(() => t.close());

  it('GET /budgets/:financialYear/contributions: budget, pledges by basis, paid and outstanding, shortfall from agreed money, partner names', async () => {
    const res = await get('/budgets/2022-23/contributions', {
      token: await t.token({ role: 'auditor', userId: 'audit-1' }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      financialYear: '2022-23',
      totalPence: 1_000_000,
      allocatedPence: 100_000,
      unallocatedPence: 900_000,
      contributions: {
        agreedPence: 600_000,
        inPrinciplePence: 100_000,
        upToPence: 0,
        paidPence: 250_000,
        outstandingPence: 350_000,
      },
      shortfall: {
        shortfallPence: 400_000,
        source: 'agreed-contributions',
        budgetLessAgreedPence: 400_000,
        statedPence: null,
      },
      underwriting: null,
      lastUpdate: { type: 'payment-received' },
    });
    expect(res.body.partners).toEqual([
      expect.objectContaining({
        partnerId: 'police',
        partnerName: null,
        inPrinciplePence: 100_000,
        countedPence: 0,
        shareOfBudgetPercent: 0,
      }),
      expect.objectContaining({
        partnerId: 'wcc',
        partnerName: 'Warwickshire County Council',
        agreedPence: 600_000,
        paidPence: 250_000,
        outstandingPence: 350_000,
        pledgeShareOfBudgetPercent: 60,
        pledgeAndUnderwritingShareOfBudgetPercent: 60,
        shareOfBudgetPercent: 60,
        shareOfCountedPercent: 100,
      }),
    ]);
  });

  it('GET /budgets lists the years in order with their headline figures', async () => {
    const res = await get('/budgets');
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(
      res.body.items.map((i: { financialYear: string; shortfallPence: number }) => [i.financialYear, i.shortfallPence]),
    ).toEqual([
      ['2021-22', 300_000],
      ['2022-23', 400_000],
      ['2023-24', 500_000],
    ]);
    expect(res.body.items[1]).toMatchObject({
      totalPence: 1_000_000,
      agreedPence: 600_000,
      paidPence: 250_000,
      shortfallSource: 'agreed-contributions',
      underwrittenPence: 0,
      uncoveredPence: 400_000,
      partnerCount: 2,
    });
  });

  it('GET /budgets pages with an opaque cursor: every year once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/budgets?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { financialYear: string }) => i.financialYear));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['2021-22', '2022-23', '2023-24']);
  });

  it.each([
    ['/budgets?limit=0', 400, 'validation-failed', 'limit'],
    ['/budgets?limit=201', 400, 'validation-failed', 'limit'],
    ['/budgets?cursor=not%20a%20cursor', 400, 'validation-failed', 'cursor'],
    ['/budgets?year=2022-23', 400, 'validation-failed', 'year'],
    [`/budgets?cursor=${Buffer.from('{"k":"partner:wcc"}').toString('base64url')}`, 400, 'invalid-cursor', undefined],
    ['/budgets?cursor=abc', 400, 'invalid-cursor', undefined],
    ['/budgets/2030-31/contributions', 404, 'budget-not-found', undefined],
    ['/budgets/2022-24/contributions', 400, 'invalid-financial-year', undefined],
    ['/budgets/Not_A_Year/contributions', 400, 'invalid-id', undefined],
  ])('GET %s -> %s %s', async (url, status, code, field) => {
    const res = await get(url);
    expectProblem(res, status, code);
    if (field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('documents the endpoints with their permission in OpenAPI', async () => {
    const { paths } = (await get('/openapi.json', { token: null })).body;
    expect(paths['/budgets'].get).toMatchObject({ operationId: 'listBudgets', 'x-required-permission': 'ledger:read' });
    expect(paths['/budgets'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor']),
    );
    expect(paths['/budgets/{financialYear}/contributions'].get).toMatchObject({
      operationId: 'getBudgetContributions',
      'x-required-permission': 'ledger:read',
    });
    expect(paths['/budgets/stream'].get).toMatchObject({
      operationId: 'streamBudgets',
      'x-required-permission': 'ledger:read',
    });
  });
});

/** Opens the SSE stream over a real socket and collects text until `done` says it has enough. */
async function readStream(
  t: ProjectionsTestApp,
  token: string,
  done: (text: string) => boolean,
): Promise<{ res: IncomingMessage; text: Promise<string> }> {
  const res = await openStream(t.app, '/budgets/stream', token);
  return { res, text: readUntil(res, done) };
}

describe('GET /budgets/stream (Server-Sent Events)', () => {
  let t: ProjectionsTestApp;
  beforeEach(async () => {
    t = await start();
    await t.app.listen(0, '127.0.0.1');
  });
  afterEach(() => t.close());

  it('sends the changed year as the contributions view, with the ledger position as the event id; never partner documents', async () => {
    const { res, text } = await readStream(t, await t.token({ role: 'auditor', userId: 'audit-1' }), (s) =>
      s.includes('"agreedPence":5000'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    await append(t, 'partner-wcc', {
      type: 'partner-registered',
      data: { partnerId: 'wcc', name: 'WCC', kind: 'local-authority', statutory: true },
    });
    await budget(t, budgetSet('2024-25', 200_000));
    const position = await budget(t, pledged('2024-25', 'p1', 'wcc', 5_000));
    const received = await text;
    res.destroy();
    expect(received).toContain(`event: budget\nid: ${position}\ndata: {"financialYear":"2024-25"`);
    expect(received).toContain('"partnerName":"WCC"');
    // Partner-name documents are the projection's bookkeeping: every message is a year.
    const data = received.split('\n').filter((l) => l.startsWith('data: '));
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((l) => l.startsWith('data: {"financialYear":"2024-25"'))).toBe(true);
  });
});

describe('2022/23 with the demo data loaded (acceptance)', () => {
  let t: ProjectionsTestApp;
  beforeAll(async () => {
    t = await start();
    await loadDemo(t.app);
    await caughtUp(t);
  });
  afterAll(() => t.close());

  it('shows a £321,000 budget, a £21,649 shortfall, three partners underwriting up to £7,000 each: £21,000 pledged, £649 uncovered', async () => {
    const res = await send(t, '/budgets/2022-23/contributions', undefined, {
      method: 'GET',
      token: await t.token({ role: 'auditor', userId: 'audit-1' }),
    });
    expect(res.status).toBe(200);
    const { totalPence, shortfall, underwriting, partners, contributions } = res.body;
    const share = { sharePence: 700_000, capPence: 700_000, basis: 'in-principle' };
    expect(totalPence).toBe(32_100_000);
    expect(shortfall).toMatchObject({ shortfallPence: 2_164_900, source: 'underwriting-agreement' });
    expect(underwriting).toMatchObject({
      partnerCount: 3,
      coveredPence: 2_100_000,
      uncoveredPence: 64_900,
      method: 'fixed-caps',
      basis: 'in-principle',
    });
    expect(
      partners.map((p: { partnerId: string; underwriting: unknown; partnerName: string }) => [
        p.partnerId,
        p.underwriting,
      ]),
    ).toEqual([
      // The CCG keeps its "up to" pledge; its underwriting share follows the ICB that succeeded it on 1 July 2022.
      ['coventry-warwickshire-ccg', null],
      ['coventry-warwickshire-icb', { ...share, undertakenBy: 'coventry-warwickshire-ccg', heldSince: '2022-07-01' }],
      ['warwickshire-county-council', share],
      ['warwickshire-police', share],
    ]);
    expect(partners.every((p: { partnerName: string | null }) => typeof p.partnerName === 'string')).toBe(true);
    // The loader also records each cap as an "up to" pledge: shown, not counted as agreed.
    expect(contributions).toMatchObject({ agreedPence: 0, upToPence: 2_100_000 });
  });

  it('lists 2022/23 with the same headline figures', async () => {
    const res = await send(t, '/budgets', undefined, { method: 'GET' });
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          financialYear: '2022-23',
          totalPence: 32_100_000,
          shortfallPence: 2_164_900,
          underwrittenPence: 2_100_000,
          uncoveredPence: 64_900,
          // The three underwriters (the CCG's share now on the ICB) and the CCG with its pledge.
          partnerCount: 4,
        }),
      ]),
    );
  });
});
