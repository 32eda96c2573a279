import type { BudgetEvent } from '../../src/funding';
import { newEvent } from '../support/events';
import { eventCount, expectProblem, send } from '../support/http';
import { startProjectionsApp, type ProjectionsTestApp } from './support/projections-app';

/**
 * Budgets keyed by owner and year. A ledger written before owners holds `budget-2022-23`: it answers
 * as it did on the routes it had, and a board's budget for the same year is a stream of its own on
 * the keyed routes (`/budgets/{ownerId}/{financialYear}/...`). The owner rule itself is the decider
 * spec's (src/funding/domain/budget-owner.spec.ts); here, how it leaves the API.
 */
let t: ProjectionsTestApp;
const caughtUp = async () => t.runner.waitFor((await t.store.readAll()).at(-1)!.position);
const post = async (url: string, body: unknown) => send(t, url, body, { token: await t.token() });
const asAdmin = async (url: string, body: unknown) =>
  send(t, url, body, { token: await t.token({ role: 'admin', userId: 'admin-1' }) });
const get = async (url: string) => {
  await caughtUp();
  return send(t, url, undefined, { method: 'GET', token: await t.token({ role: 'auditor', userId: 'audit-1' }) });
};
const FY = '2022-23';
const OLD_LEDGER: BudgetEvent[] = [
  {
    type: 'budget-set',
    data: { financialYear: FY, totalPence: 32_100_000, lines: [], allocatedPence: 0, unallocatedPence: 32_100_000 },
  },
  {
    type: 'contribution-pledged',
    data: { financialYear: FY, pledgeId: 'wcc', partnerId: 'wcc', amountPence: 700_000, basis: 'agreed' },
  },
  {
    type: 'payment-received',
    data: {
      financialYear: FY,
      paymentId: 'wcc-q1',
      partnerId: 'wcc',
      amountPence: 100_000,
      receivedOn: '2022-06-01',
      pledgeId: 'wcc',
    },
  },
];

beforeAll(async () => {
  t = await startProjectionsApp({});
  await t.store.append(
    `budget-${FY}`,
    OLD_LEDGER.map((e) => newEvent(e.type, e.data)),
    'no_stream',
  );
  for (const partnerId of ['wcc', 'warwickshire-police'])
    expect((await asAdmin('/partners', { partnerId, name: partnerId, kind: 'other' })).status).toBe(201);
  expect((await asAdmin('/boards', { boardId: 'wseb', name: 'Executive Board', kind: 'executive-board' })).status).toBe(
    201,
  );
});
afterAll(() => t.close());

describe('budgets keyed by owner and year', () => {
  let before: { status: number; body: Record<string, unknown> };

  it('given a ledger written before owners, when its year is read, then it answers with its figures and no owner', async () => {
    before = await get(`/budgets/${FY}/contributions`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      ownerId: null,
      financialYear: FY,
      totalPence: 32_100_000,
      contributions: { agreedPence: 700_000, paidPence: 100_000, outstandingPence: 600_000 },
    });
  });

  it('writes through the old routes to the old stream', async () => {
    const res = await post(`/budgets/${FY}/payments`, {
      paymentId: 'wcc-q2',
      partnerId: 'wcc',
      amountPence: 100_000,
      receivedOn: '2022-09-01',
      pledgeId: 'wcc',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: FY, streamId: `budget-${FY}` });
    expect((await get(`/budgets/${FY}/contributions`)).body).toMatchObject({ contributions: { paidPence: 200_000 } });
  });

  it("given the same year's partnership budget, when a board sets and funds its own, then it is a stream of its own on the keyed routes", async () => {
    const set = await post('/budgets', { ownerId: 'wseb', financialYear: FY, totalPence: 5_000_000, lines: [] });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ id: `wseb-${FY}`, streamId: `budget-wseb-${FY}` });
    const police = { role: 'partner-representative', userId: 'pete-hill', agency: 'warwickshire-police' } as const;
    const pledge = await send(
      t,
      `/budgets/wseb/${FY}/pledges`,
      { pledgeId: 'police', partnerId: 'warwickshire-police', amountPence: 250_000, basis: 'agreed' },
      { token: await t.token(police) },
    );
    expect(pledge.body).toMatchObject({ streamId: `budget-wseb-${FY}`, events: ['contribution-pledged'] });

    const board = await get(`/budgets/wseb/${FY}/contributions`);
    expect(board.body).toMatchObject({
      ownerId: 'wseb',
      financialYear: FY,
      totalPence: 5_000_000,
      contributions: { agreedPence: 250_000, paidPence: 0 },
    });
    expect(board.body.revision).toBe(1);
    const partnership = await get(`/budgets/${FY}/contributions`);
    expect(partnership.body).toMatchObject({ ownerId: null, totalPence: 32_100_000 });
  });

  it('lists budgets per owner and year, all of them or one board’s', async () => {
    const all = await get('/budgets');
    expect(
      all.body.items.map((i: { ownerId: string | null; financialYear: string }) => [i.ownerId, i.financialYear]),
    ).toEqual([
      [null, FY],
      ['wseb', FY],
    ]);
    const board = await get('/budgets?ownerId=wseb');
    expect(board.body.items).toEqual([expect.objectContaining({ ownerId: 'wseb', totalPence: 5_000_000 })]);
  });

  it("answers a board's year as of a past point: before its pledge, none", async () => {
    const [set] = await t.store.readStream(`budget-wseb-${FY}`);
    const res = await get(`/as-of/budgets/wseb/${FY}/contributions?knownAt=${set.position}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ownerId: 'wseb', contributions: { agreedPence: 0 } });
  });

  it('refuses a budget for a board that is not registered (422, nothing written), and finds no budget of an unknown owner', async () => {
    const written = await eventCount(t);
    const res = await post('/budgets', { ownerId: 'no-such-board', financialYear: FY, totalPence: 1, lines: [] });
    expectProblem(res, 422, 'owner-not-registered');
    expect(await eventCount(t)).toBe(written);
    expectProblem(await get(`/budgets/no-such-board/${FY}/contributions`), 404, 'budget-not-found');
    expectProblem(await get(`/budgets/wseb/2022-24/contributions`), 400, 'invalid-financial-year');
  });
});

describe('invoices raised to partners, beside their pledges and payments', () => {
  const invoice = {
    invoiceId: 'wcc-q1',
    partnerId: 'wcc',
    amountPence: 350_000,
    raisedOn: '2022-05-20',
    reference: 'INV-004512',
  };

  it("given the partnership's year, when the council is invoiced, then its row shows invoiced, paid and invoiced unpaid", async () => {
    const res = await post(`/budgets/${FY}/invoices`, invoice);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ streamId: `budget-${FY}`, events: ['invoice-raised'] });
    const view = await get(`/budgets/${FY}/contributions`);
    expect(view.body.partners.find((p: { partnerId: string }) => p.partnerId === 'wcc')).toMatchObject({
      agreedPence: 700_000,
      paidPence: 200_000,
      invoicedPence: 350_000,
      invoicedUnpaidPence: 150_000,
      invoices: [invoice],
    });
  });

  it("invoices a board's budget on the keyed route, apart from the partnership's", async () => {
    const res = await post(`/budgets/wseb/${FY}/invoices`, { ...invoice, partnerId: 'warwickshire-police' });
    expect(res.body).toMatchObject({ streamId: `budget-wseb-${FY}`, events: ['invoice-raised'] });
    const view = await get(`/budgets/wseb/${FY}/contributions`);
    expect(view.body.contributions).toMatchObject({ invoicedPence: 350_000, invoicedUnpaidPence: 350_000 });
  });

  it('refuses an invoice to a partner that is not registered (the lookup the handler makes), and a bad date, writing nothing', async () => {
    const written = await eventCount(t);
    expectProblem(
      await post(`/budgets/${FY}/invoices`, { ...invoice, invoiceId: 'x', partnerId: 'nobody' }),
      422,
      'partner-not-registered',
    );
    expectProblem(
      await post(`/budgets/${FY}/invoices`, { ...invoice, invoiceId: 'y', raisedOn: '20 May' }),
      400,
      'validation-failed',
    );
    expect(await eventCount(t)).toBe(written);
  });
});
