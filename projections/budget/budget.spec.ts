import type { BudgetEvent } from '../../src/funding';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { TEST_ACTOR as actor, storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { BudgetDoc, BudgetYearDoc, PartnerNameDoc } from './budget-doc';
import { budgetProjection as p } from './budget.projection';

const stored = storedEventFactory({ step: 2 }); // positions increase but are not dense
const FY = '2022-23';
const budget = (e: BudgetEvent, at?: string) => stored(`budget-${FY}`, e.type, e.data, at);
const lines = [{ lineId: 'reviews', name: 'Reviews', amountPence: 3_500_000 }];
const set = budget({
  type: 'budget-set',
  data: { financialYear: FY, totalPence: 32_100_000, lines, allocatedPence: 3_500_000, unallocatedPence: 28_600_000 },
});
const pledged = (
  pledgeId: string,
  partnerId: string,
  amountPence: number,
  basis: 'agreed' | 'in-principle' | 'up-to' = 'agreed',
) =>
  budget(
    { type: 'contribution-pledged', data: { financialYear: FY, pledgeId, partnerId, amountPence, basis } },
    '2022-05-11T00:00:00.000Z',
  );

/** A payment-received event; its data as recorded (pledgeId only when it names a pledge). */
const paid = (payment: {
  paymentId: string;
  partnerId: string;
  amountPence: number;
  receivedOn: string;
  pledgeId?: string;
}) => budget({ type: 'payment-received', data: { financialYear: FY, ...payment } });

/** Given these events, the documents the projection holds, by key. */
function given(...events: StoredEvent[]): Map<string, BudgetDoc> {
  const docs = new Map<string, BudgetDoc>();
  for (const e of events.filter((e) => p.canHandle(e))) {
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  }
  return docs;
}
const year = (...events: StoredEvent[]) => given(...events).get(`year:${FY}`) as BudgetYearDoc;

describe('budget projection: which events it reads', () => {
  it.each([
    ['a budget being set', true, set],
    [
      'an underwriting agreement',
      true,
      budget({
        type: 'shortfall-underwriting-agreed',
        data: {
          financialYear: FY,
          underwritingId: 'u',
          shortfallPence: 1,
          method: 'equal',
          basis: 'agreed',
          shares: [],
          coveredPence: 1,
          uncoveredPence: 0,
        },
      }),
    ],
    [
      'a partner being registered',
      true,
      stored('partner-warwickshire-police', 'partner-registered', {
        partnerId: 'warwickshire-police',
        name: 'Warwickshire Police',
        kind: 'police',
        statutory: true,
      }),
    ],
    [
      'a partner being renamed',
      true,
      stored('partner-x', 'partner-renamed', { partnerId: 'x', name: 'X', effectiveFrom: '2022-07-01' }),
    ],
    [
      'a partner being succeeded (underwriting follows its successor)',
      true,
      stored('partner-x', 'partner-succeeded', { partnerId: 'x', successorId: 'y', effectiveFrom: '2022-07-01' }),
    ],
    ['an unknown budget event type', false, stored(`budget-${FY}`, 'budget-closed', { financialYear: FY })],
    ['a budget-like type in another stream', false, stored('decision-d1', 'budget-set', { financialYear: FY })],
  ])('%s -> %s', (_, handled, event) => {
    expect(p.canHandle(event)).toBe(handled);
  });
});

describe('budget projection: one document per financial year', () => {
  it('given a budget set, then the year shows its total, lines, allocation and who set it when', () => {
    const unset = p.initialState(`year:${FY}`);
    expect(unset).toMatchObject({ kind: 'year', ownerId: null, financialYear: FY, set: false, totalPence: 0 });
    // Nothing but what the event sets changes: no pledge, payment, revision or spending appears.
    expect(year(set)).toEqual({
      ...unset,
      set: true,
      totalPence: 32_100_000,
      lines,
      allocatedPence: 3_500_000,
      unallocatedPence: 28_600_000,
      setAt: '2022-05-10T10:00:00.000Z',
      revision: set.revision,
      lastUpdate: {
        type: 'budget-set',
        occurredAt: '2022-05-10T10:00:00.000Z',
        recordedAt: '2022-11-21T12:00:00.000Z',
        actor,
        position: set.position,
      },
    });
  });

  it('given a revision, then the new figures replace the old and the revision is kept with its reason', () => {
    const doc = year(
      set,
      budget(
        {
          type: 'budget-revised',
          data: {
            financialYear: FY,
            totalPence: 33_000_000,
            lines: [],
            allocatedPence: 0,
            unallocatedPence: 33_000_000,
            previousTotalPence: 32_100_000,
            reason: 'Inflation',
          },
        },
        '2022-09-22T10:00:00.000Z',
      ),
    );
    expect(doc).toMatchObject({
      totalPence: 33_000_000,
      lines: [],
      unallocatedPence: 33_000_000,
      setAt: '2022-05-10T10:00:00.000Z',
    });
    expect(doc.revisions).toEqual([
      {
        previousTotalPence: 32_100_000,
        totalPence: 33_000_000,
        reason: 'Inflation',
        occurredAt: '2022-09-22T10:00:00.000Z',
      },
    ]);
  });

  it('given pledges of each basis, then each is listed in order with its basis and nothing paid', () => {
    const doc = year(
      set,
      pledged('p1', 'wcc', 100_000),
      pledged('p2', 'police', 50_000, 'in-principle'),
      pledged('p3', 'ccg', 700_000, 'up-to'),
    );
    expect(doc.pledges).toEqual([
      {
        pledgeId: 'p1',
        partnerId: 'wcc',
        amountPence: 100_000,
        basis: 'agreed',
        withdrawn: false,
        paidPence: 0,
        pledgedAt: '2022-05-11T00:00:00.000Z',
      },
      {
        pledgeId: 'p2',
        partnerId: 'police',
        amountPence: 50_000,
        basis: 'in-principle',
        withdrawn: false,
        paidPence: 0,
        pledgedAt: '2022-05-11T00:00:00.000Z',
      },
      {
        pledgeId: 'p3',
        partnerId: 'ccg',
        amountPence: 700_000,
        basis: 'up-to',
        withdrawn: false,
        paidPence: 0,
        pledgedAt: '2022-05-11T00:00:00.000Z',
      },
    ]);
  });

  it('given a pledge that states its source, then the year lists it with that source, and a pledge without one has none', () => {
    const source = '(illustrative) recorded in one name; the minutes record a collective agreement';
    const withSource = budget(
      {
        type: 'contribution-pledged',
        data: { financialYear: FY, pledgeId: 'p1', partnerId: 'police', amountPence: 700_000, basis: 'up-to', source },
      },
      '2022-05-11T00:00:00.000Z',
    );
    const doc = year(set, withSource, pledged('p2', 'ccg', 700_000, 'up-to'));
    expect(doc.pledges.map((x) => [x.pledgeId, x.source])).toEqual([
      ['p1', source],
      ['p2', undefined],
    ]);
    expect(doc.pledges[1]).not.toHaveProperty('source');
  });

  it('given an amendment, then only that pledge takes the new amount and basis', () => {
    const doc = year(
      set,
      pledged('p1', 'wcc', 100_000, 'in-principle'),
      pledged('p2', 'police', 50_000),
      budget(
        {
          type: 'pledge-amended',
          data: {
            financialYear: FY,
            pledgeId: 'p1',
            partnerId: 'wcc',
            amountPence: 120_000,
            basis: 'agreed',
            previousAmountPence: 100_000,
            previousBasis: 'in-principle',
            reason: 'Cabinet approved',
          },
        },
        '2022-06-01T00:00:00.000Z',
      ),
    );
    expect(doc.pledges[0]).toMatchObject({
      amountPence: 120_000,
      basis: 'agreed',
      amendedAt: '2022-06-01T00:00:00.000Z',
    });
    expect(doc.pledges[1]).toMatchObject({ amountPence: 50_000, basis: 'agreed' });
    expect(doc.pledges[1]).not.toHaveProperty('amendedAt');
  });

  it('given a withdrawal, then the pledge stays listed, marked withdrawn with the date', () => {
    const doc = year(
      set,
      pledged('p1', 'wcc', 100_000),
      budget(
        {
          type: 'pledge-withdrawn',
          data: { financialYear: FY, pledgeId: 'p1', partnerId: 'wcc', amountPence: 100_000, reason: 'No budget' },
        },
        '2022-07-01T00:00:00.000Z',
      ),
    );
    expect(doc.pledges).toEqual([
      expect.objectContaining({
        pledgeId: 'p1',
        withdrawn: true,
        withdrawnAt: '2022-07-01T00:00:00.000Z',
        amountPence: 100_000,
      }),
    ]);
  });

  it('given payments with and without a pledge, then both are listed and only the named pledge counts as paid', () => {
    const doc = year(
      set,
      pledged('p1', 'wcc', 100_000),
      paid({ paymentId: 'pay1', partnerId: 'wcc', amountPence: 60_000, receivedOn: '2022-06-30', pledgeId: 'p1' }),
      paid({ paymentId: 'pay2', partnerId: 'wcc', amountPence: 40_000, receivedOn: '2022-07-31', pledgeId: 'p1' }),
      paid({ paymentId: 'pay3', partnerId: 'police', amountPence: 5_000, receivedOn: '2022-08-01' }),
    );
    expect(doc.pledges[0].paidPence).toBe(100_000);
    expect(doc.payments).toEqual([
      { paymentId: 'pay1', partnerId: 'wcc', amountPence: 60_000, receivedOn: '2022-06-30', pledgeId: 'p1' },
      { paymentId: 'pay2', partnerId: 'wcc', amountPence: 40_000, receivedOn: '2022-07-31', pledgeId: 'p1' },
      { paymentId: 'pay3', partnerId: 'police', amountPence: 5_000, receivedOn: '2022-08-01' },
    ]);
  });

  it('given underwriting agreements, then each is kept as recorded, in order, the latest last', () => {
    const u1: Omit<Extract<BudgetEvent, { type: 'shortfall-underwriting-agreed' }>['data'], 'financialYear'> = {
      underwritingId: 'u1',
      shortfallPence: 2_164_900,
      method: 'fixed-caps',
      basis: 'in-principle',
      shares: [{ partnerId: 'wcc', sharePence: 700_000, capPence: 700_000 }],
      coveredPence: 700_000,
      uncoveredPence: 1_464_900,
    };
    const first = budget(
      { type: 'shortfall-underwriting-agreed', data: { financialYear: FY, ...u1 } },
      '2022-05-10T10:00:00.000Z',
    );
    const second = budget(
      {
        type: 'shortfall-underwriting-agreed',
        data: {
          financialYear: FY,
          underwritingId: 'u2',
          shortfallPence: 1_000_000,
          method: 'equal',
          basis: 'agreed',
          shares: [{ partnerId: 'wcc', sharePence: 1_000_000 }],
          coveredPence: 1_000_000,
          uncoveredPence: 0,
        },
      },
      '2022-09-22T10:00:00.000Z',
    );
    const doc = year(set, first, second);
    expect(doc.underwritings.map((u) => [u.underwritingId, u.agreedAt])).toEqual([
      ['u1', '2022-05-10T10:00:00.000Z'],
      ['u2', '2022-09-22T10:00:00.000Z'],
    ]);
    // Kept as recorded, the year aside (it is the document's), with when it was agreed.
    expect(doc.underwritings[0]).toEqual({ ...u1, agreedAt: '2022-05-10T10:00:00.000Z' });
    expect(doc.lastUpdate).toMatchObject({ type: 'shortfall-underwriting-agreed', position: second.position });
  });

  it('keeps years apart: each financial year is its own document', () => {
    const other = stored('budget-2023-24', 'budget-set', {
      financialYear: '2023-24',
      totalPence: 1,
      lines: [],
      allocatedPence: 0,
      unallocatedPence: 1,
    });
    const docs = given(set, other);
    expect([...docs.keys()].sort()).toEqual(['year:2022-23', 'year:2023-24']);
    expect((docs.get('year:2023-24') as BudgetYearDoc).totalPence).toBe(1);
  });

  it('never mutates the document it is given', () => {
    const before = year(set, pledged('p1', 'wcc', 100_000));
    const frozen = structuredClone(before);
    p.evolve(
      before,
      paid({ paymentId: 'pay1', partnerId: 'wcc', amountPence: 1, receivedOn: '2022-06-30', pledgeId: 'p1' }),
    );
    expect(before).toEqual(frozen);
  });
});

describe('budget projection: partner names', () => {
  it('given a partner registered then renamed, then its document holds the latest name', () => {
    const registered = stored('partner-cw-icb', 'partner-registered', {
      partnerId: 'cw-icb',
      name: 'NHS C&W ICB',
      kind: 'health',
      statutory: true,
    });
    expect(given(registered).get('partner:cw-icb')).toEqual({
      kind: 'partner',
      partnerId: 'cw-icb',
      name: 'NHS C&W ICB',
    });
    const renamed = stored('partner-cw-icb', 'partner-renamed', {
      partnerId: 'cw-icb',
      name: 'NHS Coventry and Warwickshire ICB',
      effectiveFrom: '2022-07-01',
    });
    expect((given(registered, renamed).get('partner:cw-icb') as PartnerNameDoc).name).toBe(
      'NHS Coventry and Warwickshire ICB',
    );
  });

  it('given a CCG succeeded by its ICB, then the CCG document names the successor and the date', () => {
    const succeeded = stored('partner-cw-ccg', 'partner-succeeded', {
      partnerId: 'cw-ccg',
      successorId: 'cw-icb',
      effectiveFrom: '2022-07-01',
    });
    expect((given(succeeded).get('partner:cw-ccg') as PartnerNameDoc).succeededBy).toEqual({
      successorId: 'cw-icb',
      effectiveFrom: '2022-07-01',
    });
  });
});

describe('budget projection: budgets keyed by owner and year', () => {
  const owned = (e: BudgetEvent) => stored(`budget-wseb-${e.data.financialYear}`, e.type, e.data);
  const boardSet = owned({
    type: 'budget-set',
    data: { ownerId: 'wseb', financialYear: FY, totalPence: 500, lines: [], allocatedPence: 0, unallocatedPence: 500 },
  });
  const boardCarried = owned({
    type: 'carried-forward',
    data: {
      ownerId: 'wseb',
      financialYear: FY,
      toFinancialYear: '2023-24',
      amountPence: 100,
      source: 'r',
      yearHeld: true,
    },
  });

  it("given the partnership's and a board's budget for one year, then each is its own document, the board's under its owner", () => {
    const docs = given(set, boardSet);
    expect([...docs.keys()].sort()).toEqual([`year:${FY}`, `year:wseb/${FY}`]);
    expect(docs.get(`year:${FY}`)).toMatchObject({ ownerId: null, totalPence: 32_100_000, revision: 0 });
    expect(docs.get(`year:wseb/${FY}`)).toMatchObject({
      ownerId: 'wseb',
      financialYear: FY,
      totalPence: 500,
      revision: 0,
    });
  });

  it("shows a board's carry-forward in its own two years, never the partnership's", () => {
    const docs = given(set, boardSet, boardCarried);
    expect([...docs.keys()].sort()).toEqual([`year:${FY}`, `year:wseb/${FY}`, 'year:wseb/2023-24']);
    expect(docs.get(`year:wseb/${FY}`)).toMatchObject({ carriedOut: { amountPence: 100 } });
    expect(docs.get('year:wseb/2023-24')).toMatchObject({
      ownerId: 'wseb',
      financialYear: '2023-24',
      broughtForward: { fromFinancialYear: FY, amountPence: 100 },
      revision: -1,
    });
    expect(docs.get(`year:${FY}`)).not.toHaveProperty('carriedOut');
  });
});
