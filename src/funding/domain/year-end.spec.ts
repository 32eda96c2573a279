import { deciderSpec } from '../../shared/testing/decider-spec';
import { Budget, type BudgetCommand, type BudgetEvent } from './budget';
import { nextFinancialYear } from './year-end';

const spec = deciderSpec(Budget, { occurredAt: '2023-01-10T09:00:00.000Z' });

const fy = '2022-23';
const reviews = { lineId: 'reviews', name: 'Practice reviews', amountPence: 3_500_000 };
const budgetSet: BudgetEvent = {
  type: 'budget-set',
  data: { financialYear: fy, totalPence: 32_100_000, lines: [reviews], allocatedPence: 3_500_000, unallocatedPence: 0 },
};
type SpendData = Extract<BudgetCommand, { type: 'record-spending' }>['data'];
const spendData: SpendData = {
  financialYear: fy,
  spendId: 'csp-review-a',
  kind: 'commitment',
  lineId: 'reviews',
  amountPence: 1_200_000,
  spentOn: '2022-11-01',
  description: 'Independent reviewer commissioned for the child A review',
  reference: { kind: 'case-review', id: 'child-a' },
  referenceExists: true,
};
const spend = (patch: Partial<SpendData> = {}) =>
  ({ type: 'record-spending', data: { ...spendData, ...patch } }) as const;
const { referenceExists: _, ...recorded } = spendData;
const committed: BudgetEvent = { type: 'spending-recorded', data: recorded };
const closed: BudgetEvent = {
  type: 'year-closed',
  data: { financialYear: fy, source: 'Annual report 2022-23', budgetHeld: true },
};
/** Decided after 2022-23 ended (31 March 2023). */
const facts = { decidedOn: '2023-06-30' };
const close = { type: 'close-year', data: { financialYear: fy, source: 'Annual report 2022-23', facts } } as const;
const carry = (financialYear = fy) =>
  ({ type: 'carry-forward', data: { financialYear, amountPence: 4_704_300, source: 'Annual report', facts } }) as const;

describe('Budget spending (decider)', () => {
  it('records a commitment against a line, citing the record it is for', () => {
    spec.given([budgetSet]).when(spend()).then(committed);
  });

  it('records an actual spend that settles a commitment on the same line', () => {
    const paid = { spendId: 'csp-review-a-paid', kind: 'actual', settlesCommitmentId: 'csp-review-a' } as const;
    spec
      .given([budgetSet, committed])
      .when(spend(paid))
      .thenMatches([{ type: 'spending-recorded', data: paid }]);
  });

  it.each([
    ['no budget set', [], spend(), 'budget-not-set', 422],
    ['an unknown line', [budgetSet], spend({ lineId: 'catering' }), 'unknown-budget-line', 422],
    ['a zero amount', [budgetSet], spend({ amountPence: 0 }), 'amount-not-positive', 422],
    ['a date outside the year', [budgetSet], spend({ spentOn: '2023-04-01' }), 'spent-outside-year', 422],
    ['a reference to no record', [budgetSet], spend({ referenceExists: false }), 'referenced-record-not-found', 422],
    ['the same spend id twice', [budgetSet, committed], spend(), 'spending-exists', 409],
    ['a spend on a closed year', [budgetSet, closed], spend(), 'year-closed', 409],
    [
      'settling what is no commitment',
      [budgetSet],
      spend({ kind: 'actual', settlesCommitmentId: 'nothing' }),
      'unknown-commitment',
      422,
    ],
    [
      'a commitment settling a commitment',
      [budgetSet, committed],
      spend({ spendId: 'x', settlesCommitmentId: 'csp-review-a' }),
      'unknown-commitment',
      422,
    ],
  ] as const)('refuses %s', (_why, given, command, code, status) => {
    spec
      .given([...given])
      .when(command)
      .thenRefuses(code, status);
  });
});

describe('Budget close and carry-forward (decider)', () => {
  it('closes a year once, saying whether its budget is held', () => {
    spec.given([budgetSet]).when(close).then(closed);
    spec.given([budgetSet, closed]).when(close).thenRefuses('year-already-closed', 409);
  });

  it('keeps stated figures whose parts do not add up, as stated', () => {
    const carryForwardSpent = { statedPence: 6_309_600, parts: [{ label: 'a', amountPence: 6_303_800 }] };
    spec
      .given([])
      .when({
        type: 'close-year',
        data: { financialYear: '2016-17', carryForwardSpent, source: 'WSCB 2016-17', facts },
      })
      .then({
        type: 'year-closed',
        data: { financialYear: '2016-17', carryForwardSpent, source: 'WSCB 2016-17', budgetHeld: false },
      });
  });

  it('refuses to close, or carry forward, a year not yet ended (on its last day too), and accepts the day after', () => {
    const on = (decidedOn: string) => ({ ...close, data: { ...close.data, facts: { decidedOn } } });
    spec.given([budgetSet]).when(on('2023-03-31')).thenRefuses('year-not-ended', 422);
    spec
      .given([])
      .when({ ...carry('2098-99'), data: { ...carry('2098-99').data, facts } })
      .thenRefuses('year-not-ended', 422);
    spec.given([budgetSet]).when(on('2023-04-01')).then(closed);
  });

  it('refuses to set the budget of a closed year', () => {
    spec
      .given([{ ...closed, data: { ...closed.data, budgetHeld: false } }])
      .when({ type: 'set-budget', data: { financialYear: fy, totalPence: 1, lines: [] } })
      .thenRefuses('year-closed', 409);
  });

  it('carries a closed year forward into the next, once', () => {
    const carried: BudgetEvent = {
      type: 'carried-forward',
      data: {
        financialYear: fy,
        toFinancialYear: '2023-24',
        amountPence: 4_704_300,
        source: 'Annual report',
        yearHeld: true,
      },
    };
    spec.given([budgetSet, closed]).when(carry()).then(carried);
    spec.given([budgetSet, closed, carried]).when(carry()).thenRefuses('already-carried-forward', 409);
  });

  it('carries forward from a year before the ledger without closing it', () => {
    spec
      .given([])
      .when(carry('2015-16'))
      .thenMatches([{ type: 'carried-forward', data: { toFinancialYear: '2016-17', yearHeld: false } }]);
  });

  it.each([
    ['an open year whose budget is held', [budgetSet], carry(), 'year-not-closed'],
    ['nothing', [budgetSet, closed], { ...carry(), data: { ...carry().data, amountPence: 0 } }, 'amount-not-positive'],
  ] as const)('refuses to carry forward %s', (_why, given, command, code) => {
    spec
      .given([...given])
      .when(command)
      .thenRefuses(code, 422);
  });

  it('names the next financial year across a century', () => {
    expect([nextFinancialYear('2016-17'), nextFinancialYear('1999-00'), nextFinancialYear('2098-99')]).toEqual([
      '2017-18',
      '2000-01',
      '2099-00',
    ]);
  });
});
