import { yearKey, type BudgetYearDoc, type PledgeEntry, type UnderwritingEntry } from './budget-doc';
import { budgetProjection } from './budget.projection';
import { summariseYear } from './budget.summary';

const at = '2022-05-10T10:00:00.000Z';
/** The partnership's 2022-23 year as the projection starts it, then set at £321,000 with nothing allocated. */
const year = (over: Partial<BudgetYearDoc> = {}): BudgetYearDoc => ({
  ...(budgetProjection.initialState(yearKey('2022-23')) as BudgetYearDoc),
  set: true,
  totalPence: 32_100_000,
  unallocatedPence: 32_100_000,
  revision: 0,
  ...over,
});
const pledge = (
  pledgeId: string,
  partnerId: string,
  amountPence: number,
  basis: PledgeEntry['basis'],
  over: Partial<PledgeEntry> = {},
): PledgeEntry => ({ pledgeId, partnerId, amountPence, basis, withdrawn: false, paidPence: 0, pledgedAt: at, ...over });
const STATUTORY = ['coventry-warwickshire-ccg', 'warwickshire-county-council', 'warwickshire-police'];
/** The 2022/23 record as the demo loader writes it: three "up to £7,000" pledges and a fixed-caps underwriting of £21,649. */
const demoUnderwriting: UnderwritingEntry = {
  underwritingId: 'ws-funding-2022-23-shortfall',
  shortfallPence: 2_164_900,
  method: 'fixed-caps',
  basis: 'in-principle',
  agreedAt: at,
  shares: STATUTORY.map((partnerId) => ({ partnerId, sharePence: 700_000, capPence: 700_000 })),
  coveredPence: 2_100_000,
  uncoveredPence: 64_900,
};
const demoYear = year({
  pledges: STATUTORY.map((id, i) => pledge(`u${i}`, id, 700_000, 'up-to')),
  underwritings: [demoUnderwriting],
});

describe('budget summary: the 2022/23 figures as the demo records them', () => {
  const view = summariseYear(demoYear, (id) => (id === 'warwickshire-police' ? 'Warwickshire Police' : undefined));

  it('then the shortfall is the one the underwriting agreement states, not budget minus agreed (nothing is agreed)', () => {
    expect(view.totalPence).toBe(32_100_000);
    expect(view.shortfall).toEqual({
      shortfallPence: 2_164_900,
      source: 'underwriting-agreement',
      budgetLessAgreedPence: 32_100_000,
      statedPence: 2_164_900,
    });
  });

  it('then three partners underwrite up to £7,000 each: £21,000 covered, £649 uncovered', () => {
    expect(view.underwriting).toMatchObject({
      partnerCount: 3,
      coveredPence: 2_100_000,
      uncoveredPence: 64_900,
      basis: 'in-principle',
      method: 'fixed-caps',
    });
    expect(view.partners.map((p) => [p.partnerId, p.underwriting])).toEqual(
      STATUTORY.map((id) => [id, { sharePence: 700_000, capPence: 700_000, basis: 'in-principle' }]),
    );
  });

  it('given the CCG succeeded by the ICB on 1 July 2022, then its underwriting share is on the ICB from that date, naming the CCG', () => {
    const succeeded = summariseYear(year({ underwritings: [demoUnderwriting] }), undefined, (id) =>
      id === 'coventry-warwickshire-ccg' ? { successorId: 'cw-icb', effectiveFrom: '2022-07-01' } : undefined,
    );
    expect(succeeded.partners.map((p) => [p.partnerId, p.underwriting])).toEqual([
      [
        'cw-icb',
        {
          sharePence: 700_000,
          capPence: 700_000,
          basis: 'in-principle',
          undertakenBy: 'coventry-warwickshire-ccg',
          heldSince: '2022-07-01',
        },
      ],
      ['warwickshire-county-council', { sharePence: 700_000, capPence: 700_000, basis: 'in-principle' }],
      ['warwickshire-police', { sharePence: 700_000, capPence: 700_000, basis: 'in-principle' }],
    ]);
    expect(succeeded.underwritings[0].shares[0].partnerId).toBe('coventry-warwickshire-ccg');
  });

  it('then the "up to" pledges are shown but not counted as agreed, so nothing is double counted', () => {
    expect(view.contributions).toEqual({
      agreedPence: 0,
      inPrinciplePence: 0,
      upToPence: 2_100_000,
      paidPence: 0,
      outstandingPence: 0,
      invoicedPence: 0,
      invoicedUnpaidPence: 0,
    });
    expect(view.partners.map((p) => p.countedPence)).toEqual([700_000, 700_000, 700_000]);
  });

  it('then each partner carries a third of what is counted and 2.18% of the budget, with names where known', () => {
    expect(view.partners.map((p) => [p.shareOfCountedPercent, p.shareOfBudgetPercent])).toEqual([
      [33.33, 2.18],
      [33.33, 2.18],
      [33.33, 2.18],
    ]);
    expect(view.partners.map((p) => p.partnerName)).toEqual([null, null, 'Warwickshire Police']);
  });

  it('then each share of the budget says what it counts: nothing agreed by pledge alone, 2.18% with the underwriting', () => {
    expect(
      view.partners.map((p) => [
        p.pledgeShareOfBudgetPercent,
        p.pledgeAndUnderwritingShareOfBudgetPercent,
        p.shareOfBudgetPercent,
      ]),
    ).toEqual([
      [0, 2.18, 2.18],
      [0, 2.18, 2.18],
      [0, 2.18, 2.18],
    ]);
  });
});

describe('budget summary: counting contributions', () => {
  it('given no underwriting, then the shortfall is budget minus open agreed pledges only', () => {
    const view = summariseYear(
      year({
        totalPence: 1_000_000,
        pledges: [
          pledge('a', 'wcc', 600_000, 'agreed'),
          pledge('b', 'police', 200_000, 'in-principle'),
          pledge('c', 'ccg', 100_000, 'up-to'),
          pledge('d', 'ccg', 50_000, 'agreed', { withdrawn: true }),
        ],
      }),
    );
    expect(view.shortfall).toEqual({
      shortfallPence: 400_000,
      source: 'agreed-contributions',
      budgetLessAgreedPence: 400_000,
      statedPence: null,
    });
    expect(view.contributions).toMatchObject({ agreedPence: 600_000, inPrinciplePence: 200_000, upToPence: 100_000 });
    expect(view.underwriting).toBeNull();
  });

  it('given agreed pledges above the budget, then the shortfall is zero, never negative', () => {
    expect(
      summariseYear(year({ totalPence: 100, pledges: [pledge('a', 'wcc', 150, 'agreed')] })).shortfall.shortfallPence,
    ).toBe(0);
  });

  it('given a withdrawn pledge, then it is listed with nothing outstanding and counts for nothing', () => {
    const [wcc] = summariseYear(year({ pledges: [pledge('a', 'wcc', 500, 'agreed', { withdrawn: true })] })).partners;
    expect(wcc).toMatchObject({
      agreedPence: 0,
      outstandingPence: 0,
      countedPence: 0,
      pledges: [expect.objectContaining({ pledgeId: 'a', withdrawn: true, outstandingPence: 0 })],
    });
  });

  it('given part payment of an agreed pledge, then the rest is outstanding, per pledge and per partner', () => {
    const [wcc] = summariseYear(
      year({
        pledges: [pledge('a', 'wcc', 1_000, 'agreed', { paidPence: 300 })],
        payments: [{ paymentId: 'p', partnerId: 'wcc', amountPence: 300, receivedOn: '2022-06-30', pledgeId: 'a' }],
      }),
    ).partners;
    expect(wcc).toMatchObject({
      paidPence: 300,
      outstandingPence: 700,
      pledges: [expect.objectContaining({ outstandingPence: 700 })],
    });
  });

  it('given money on account (no pledge named), then it reduces what the partner owes, never below zero', () => {
    const pledges = [pledge('a', 'wcc', 1_000, 'agreed')];
    const onAccount = (amountPence: number) => [
      { paymentId: 'p', partnerId: 'wcc', amountPence, receivedOn: '2022-06-30' },
    ];
    expect(summariseYear(year({ pledges, payments: onAccount(400) })).partners[0]).toMatchObject({
      paidPence: 400,
      outstandingPence: 600,
    });
    expect(summariseYear(year({ pledges, payments: onAccount(1_500) })).partners[0]).toMatchObject({
      paidPence: 1_500,
      outstandingPence: 0,
    });
  });

  it('given an unpaid in-principle or "up to" pledge, then nothing is outstanding: only agreed money is owed', () => {
    const view = summariseYear(
      year({ pledges: [pledge('a', 'wcc', 1_000, 'in-principle'), pledge('b', 'police', 1_000, 'up-to')] }),
    );
    expect(view.partners.map((p) => p.outstandingPence)).toEqual([0, 0]);
    expect(view.contributions.outstandingPence).toBe(0);
  });

  it('given a payment from a partner with no pledge, then the partner still appears with what it paid', () => {
    const view = summariseYear(
      year({ payments: [{ paymentId: 'p', partnerId: 'school', amountPence: 250, receivedOn: '2022-06-30' }] }),
    );
    expect(view.partners).toEqual([
      expect.objectContaining({
        partnerId: 'school',
        paidPence: 250,
        pledges: [],
        underwriting: null,
        countedPence: 0,
      }),
    ]);
  });

  it('given a zero budget and nothing counted, then shares are null rather than a division by zero', () => {
    const [wcc] = summariseYear(year({ totalPence: 0, pledges: [pledge('a', 'wcc', 10, 'in-principle')] })).partners;
    expect([wcc.shareOfBudgetPercent, wcc.shareOfCountedPercent]).toEqual([null, null]);
  });
});

describe('budget summary: more than one underwriting agreement', () => {
  it('given a later agreement, then it supersedes the earlier for the shortfall and shares; both stay listed', () => {
    const later: UnderwritingEntry = {
      underwritingId: 'revised',
      shortfallPence: 1_000_000,
      method: 'equal',
      basis: 'agreed',
      agreedAt: '2022-09-22T10:00:00.000Z',
      shares: [{ partnerId: 'warwickshire-police', sharePence: 1_000_000 }],
      coveredPence: 1_000_000,
      uncoveredPence: 0,
    };
    const view = summariseYear({ ...demoYear, underwritings: [demoUnderwriting, later] });
    expect(view.shortfall).toMatchObject({ shortfallPence: 1_000_000, statedPence: 1_000_000 });
    expect(view.underwriting).toMatchObject({ underwritingId: 'revised', uncoveredPence: 0, partnerCount: 1 });
    expect(view.partners.map((p) => [p.partnerId, p.underwriting?.sharePence ?? null])).toEqual([
      [STATUTORY[0], null],
      [STATUTORY[1], null],
      ['warwickshire-police', 1_000_000],
    ]);
    expect(view.underwritings.map((u) => u.underwritingId)).toEqual(['ws-funding-2022-23-shortfall', 'revised']);
  });
});

describe('budget summary: invoices beside pledges and payments', () => {
  const invoice = (invoiceId: string, partnerId: string, amountPence: number) => ({
    invoiceId,
    partnerId,
    amountPence,
    raisedOn: '2022-05-20',
    reference: `INV-${invoiceId}`,
  });
  const payment = (paymentId: string, partnerId: string, amountPence: number) => ({
    paymentId,
    partnerId,
    amountPence,
    receivedOn: '2022-06-30',
  });
  const view = summariseYear(
    year({
      pledges: [pledge('police', 'police', 5_000_000, 'agreed')],
      invoices: [invoice('police-q1', 'police', 1_250_000), invoice('wcc-q1', 'wcc', 2_000_000)],
      payments: [payment('police-1', 'police', 500_000), payment('wcc-1', 'wcc', 2_500_000)],
    }),
  );
  const row = (id: string) => view.partners.find((p) => p.partnerId === id)!;

  it('given an invoice part paid, then the partner shows invoiced, paid and invoiced unpaid beside its pledge', () => {
    expect(row('police')).toMatchObject({
      agreedPence: 5_000_000,
      invoicedPence: 1_250_000,
      paidPence: 500_000,
      invoicedUnpaidPence: 750_000,
      invoices: [{ invoiceId: 'police-q1', reference: 'INV-police-q1' }],
    });
  });

  it('given more paid than invoiced, then nothing invoiced is unpaid (never negative); the year sums the partners', () => {
    expect(row('wcc')).toMatchObject({ invoicedPence: 2_000_000, paidPence: 2_500_000, invoicedUnpaidPence: 0 });
    expect(view.contributions).toMatchObject({ invoicedPence: 3_250_000, invoicedUnpaidPence: 750_000 });
  });
});

describe('budget summary: a share of the budget by pledge alone, and with underwriting', () => {
  it('given £10,000 agreed and a £5,000 underwriting share of £100,000, then 10% by pledge and 15% with underwriting', () => {
    const view = summariseYear(
      year({
        totalPence: 10_000_000,
        pledges: [pledge('police', 'police', 1_000_000, 'agreed')],
        underwritings: [
          {
            ...demoUnderwriting,
            shares: [{ partnerId: 'police', sharePence: 500_000 }],
            coveredPence: 500_000,
            uncoveredPence: 0,
          },
        ],
      }),
    );
    expect(view.partners[0]).toMatchObject({
      countedPence: 1_500_000,
      pledgeShareOfBudgetPercent: 10,
      pledgeAndUnderwritingShareOfBudgetPercent: 15,
      shareOfBudgetPercent: 15,
    });
  });
});
