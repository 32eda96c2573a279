import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { Budget, type BudgetCommand, type BudgetEvent } from './budget';
import { isFinancialYear } from './financial-year';

const meta: CommandMeta = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-05-10T09:00:00.000Z',
};
const given = (...events: BudgetEvent[]) => fold(Budget.decider, events);
const when = (state: ReturnType<typeof given>, c: Omit<BudgetCommand, 'meta'>) =>
  Budget.decider.decide({ ...c, meta } as BudgetCommand, state);

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
    expect(when(given(), setWarwickshire)).toEqual([budgetSet]);
  });

  it('accepts lines that sum exactly to the total (nothing unallocated)', () => {
    const staffing = { lineId: 'staffing', name: 'Staffing', amountPence: 28_100_000 };
    const [e] = when(given(), {
      type: 'set-budget',
      data: { financialYear: '2022-23', totalPence: 32_100_000, lines: [reviews, website, staffing] },
    });
    expect(e.data).toMatchObject({ allocatedPence: 32_100_000, unallocatedPence: 0 });
  });

  it('refuses lines that exceed the total', () => {
    expect(() =>
      when(given(), {
        type: 'set-budget',
        data: { financialYear: '2022-23', totalPence: 3_900_000, lines: [reviews, website] },
      }),
    ).toThrow(expect.objectContaining({ code: 'lines-exceed-total', status: 422 }));
  });

  it('refuses a second budget for the year as a conflict, a bad year, and duplicate line ids', () => {
    expect(() => when(given(budgetSet), setWarwickshire)).toThrow(
      expect.objectContaining({ code: 'budget-already-set', status: 409 }),
    );
    expect(() =>
      when(given(), { ...setWarwickshire, data: { ...setWarwickshire.data, financialYear: '2022-24' } }),
    ).toThrow(expect.objectContaining({ code: 'invalid-financial-year', status: 422 }));
    expect(() =>
      when(given(), { ...setWarwickshire, data: { ...setWarwickshire.data, lines: [reviews, reviews] } }),
    ).toThrow(expect.objectContaining({ code: 'duplicate-line-id' }));
  });

  it.each([
    ['a fractional total', { totalPence: 100.5 }, 'invalid-money'],
    ['a negative total', { totalPence: -1 }, 'invalid-money'],
    ['a fractional line', { lines: [{ ...reviews, amountPence: 0.1 }] }, 'invalid-money'],
    ['a negative line', { lines: [{ ...reviews, amountPence: -5 }] }, 'invalid-money'],
  ])('refuses %s in the domain with 422', (_, patch, code) => {
    expect(() => when(given(), { ...setWarwickshire, data: { ...setWarwickshire.data, ...patch } })).toThrow(
      expect.objectContaining({ code, status: 422 }),
    );
  });

  it('given a budget, when revised with a reason, then the previous total is kept in the event', () => {
    const [e] = when(given(budgetSet), {
      type: 'revise-budget',
      data: {
        financialYear: '2022-23',
        totalPence: 34_264_900,
        lines: [reviews, website],
        reason: 'Shortfall underwritten',
      },
    });
    expect(e).toEqual({
      type: 'budget-revised',
      data: expect.objectContaining({
        totalPence: 34_264_900,
        previousTotalPence: 32_100_000,
        unallocatedPence: 30_264_900,
        reason: 'Shortfall underwritten',
      }),
    });
    expect(given(budgetSet, e).totalPence).toBe(34_264_900);
  });

  it('refuses a revision with no budget, one that changes nothing, and one whose lines exceed the new total', () => {
    const revise = (totalPence: number): Omit<BudgetCommand, 'meta'> => ({
      type: 'revise-budget',
      data: { financialYear: '2022-23', totalPence, lines: [reviews, website], reason: 'r' },
    });
    expect(() => when(given(), revise(1))).toThrow(expect.objectContaining({ code: 'budget-not-set' }));
    expect(() => when(given(budgetSet), revise(32_100_000))).toThrow(
      expect.objectContaining({ code: 'budget-unchanged' }),
    );
    expect(() => when(given(budgetSet), revise(100))).toThrow(expect.objectContaining({ code: 'lines-exceed-total' }));
  });
});
