import type { BudgetEvent, PledgeBasis } from '../../../src/funding';

/**
 * Budget events the read-side specs append straight to the log, as a ledger written before owners
 * holds them: each in its year's stream (`budgetStream`). The amounts that matter to a spec are its
 * arguments; the rest is one shape, so a field the event gains is added here once.
 */
export const budgetStream = (e: BudgetEvent): string => `budget-${e.data.financialYear}`;

/** A year's budget of `totalPence` with one £1,000 Reviews line allocated and the rest unallocated. */
export const budgetSet = (financialYear: string, totalPence: number): BudgetEvent => ({
  type: 'budget-set',
  data: {
    financialYear,
    totalPence,
    lines: [{ lineId: 'reviews', name: 'Reviews', amountPence: 100_000 }],
    allocatedPence: 100_000,
    unallocatedPence: totalPence - 100_000,
  },
});

/** A partner's pledge to the year's budget, agreed unless `basis` says otherwise. */
export const pledged = (
  financialYear: string,
  pledgeId: string,
  partnerId: string,
  amountPence: number,
  basis: PledgeBasis = 'agreed',
): BudgetEvent => ({
  type: 'contribution-pledged',
  data: { financialYear, pledgeId, partnerId, amountPence, basis },
});
