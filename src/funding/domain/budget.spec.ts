import { deciderSpec, type TestCommand } from '../../shared/testing/decider-spec';
import { Budget, type BudgetCommand, type BudgetEvent } from './budget';
import { isFinancialYear } from './financial-year';

const spec = deciderSpec(Budget, { occurredAt: '2022-05-10T09:00:00.000Z' });
type Cmd = TestCommand<BudgetCommand>;

// Warwickshire Safeguarding 2022/23: £321,000, of which £35,000 reviews and £5,000 website, projects and training.
const reviews = {
  lineId: 'reviews',
  name: 'Safeguarding adult and child practice reviews (4-5 a year)',
  amountPence: 3_500_000,
};
const website = {
  lineId: 'website-projects-training',
  name: 'Website, commissioned projects and training',
  amountPence: 500_000,
};
type SetBudget = Omit<Extract<BudgetCommand, { type: 'set-budget' }>, 'meta'>;
const setWarwickshire: SetBudget = {
  type: 'set-budget',
  data: { financialYear: '2022-23', totalPence: 32_100_000, lines: [reviews, website] },
};
const budgetSet: BudgetEvent = {
  type: 'budget-set',
  data: {
    financialYear: '2022-23',
    totalPence: 32_100_000,
    lines: [reviews, website],
    allocatedPence: 4_000_000,
    unallocatedPence: 28_100_000,
  },
};

describe('financial year format', () => {
  it.each(['2022-23', '1999-00', '2009-10'])('accepts %s', (y) => expect(isFinancialYear(y)).toBe(true));
  it.each(['2022-24', '2022/23', '22-23', '2022-2023', '2023-22', '', 42])('refuses %p', (y) =>
    expect(isFinancialYear(y)).toBe(false),
  );
});

describe('Budget decider: setting and revising the year', () => {
  it('given no budget, when the Warwickshire 2022/23 budget is set, then the unallocated remainder (staffing) is reported', () => {
    spec.given().when(setWarwickshire).then([budgetSet]);
  });

  it('accepts lines that sum exactly to the total (nothing unallocated)', () => {
    const staffing = { lineId: 'staffing', name: 'Staffing', amountPence: 28_100_000 };
    const [e] = spec
      .given()
      .when({
        type: 'set-budget',
        data: { financialYear: '2022-23', totalPence: 32_100_000, lines: [reviews, website, staffing] },
      })
      .decided();
    expect(e.data).toMatchObject({ allocatedPence: 32_100_000, unallocatedPence: 0 });
  });

  it('refuses lines that exceed the total', () => {
    spec
      .given()
      .when({
        type: 'set-budget',
        data: { financialYear: '2022-23', totalPence: 3_900_000, lines: [reviews, website] },
      })
      .thenRefuses('lines-exceed-total', 422);
  });

  it('refuses a second budget for the year as a conflict, a bad year, and duplicate line ids', () => {
    spec.given([budgetSet]).when(setWarwickshire).thenRefuses('budget-already-set', 409);
    spec
      .given()
      .when({ ...setWarwickshire, data: { ...setWarwickshire.data, financialYear: '2022-24' } })
      .thenRefuses('invalid-financial-year', 422);
    spec
      .given()
      .when({ ...setWarwickshire, data: { ...setWarwickshire.data, lines: [reviews, reviews] } })
      .thenRefuses('duplicate-line-id');
  });

  it.each([
    ['a fractional total', { totalPence: 100.5 }, 'invalid-money'],
    ['a negative total', { totalPence: -1 }, 'invalid-money'],
    ['a fractional line', { lines: [{ ...reviews, amountPence: 0.1 }] }, 'invalid-money'],
    ['a negative line', { lines: [{ ...reviews, amountPence: -5 }] }, 'invalid-money'],
  ])('refuses %s in the domain with 422', (_, patch, code) => {
    spec
      .given()
      .when({ ...setWarwickshire, data: { ...setWarwickshire.data, ...patch } })
      .thenRefuses(code, 422);
  });

  it('given a budget, when revised with a reason, then the previous total is kept in the event', () => {
    const [e] = spec
      .given([budgetSet])
      .when({
        type: 'revise-budget',
        data: {
          financialYear: '2022-23',
          totalPence: 34_264_900,
          lines: [reviews, website],
          reason: 'Shortfall underwritten',
        },
      })
      .decided();
    expect(e).toEqual({
      type: 'budget-revised',
      data: expect.objectContaining({
        totalPence: 34_264_900,
        previousTotalPence: 32_100_000,
        unallocatedPence: 30_264_900,
        reason: 'Shortfall underwritten',
      }),
    });
    expect(spec.given([budgetSet, e]).state().totalPence).toBe(34_264_900);
  });

  it('refuses a revision with no budget, one that changes nothing, and one whose lines exceed the new total', () => {
    const revise = (totalPence: number): Cmd => ({
      type: 'revise-budget',
      data: { financialYear: '2022-23', totalPence, lines: [reviews, website], reason: 'r' },
    });
    spec.given().when(revise(1)).thenRefuses('budget-not-set');
    spec.given([budgetSet]).when(revise(32_100_000)).thenRefuses('budget-unchanged');
    spec.given([budgetSet]).when(revise(100)).thenRefuses('lines-exceed-total');
  });
});
