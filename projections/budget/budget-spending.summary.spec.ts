import type { BudgetYearDoc, SpendEntry } from './budget-doc';
import { summariseSpending, summariseYearEnd } from './budget-spending.summary';

const spend = (spendId: string, kind: SpendEntry['kind'], amountPence: number, over: Partial<SpendEntry> = {}) => ({
  spendId,
  kind,
  lineId: 'reviews',
  amountPence,
  spentOn: '2022-11-01',
  description: 'd',
  recordedAt: '2022-11-01T00:00:00.000Z',
  ...over,
});
const year = (spending: SpendEntry[], over: Partial<BudgetYearDoc> = {}): BudgetYearDoc => ({
  kind: 'year',
  ownerId: null,
  financialYear: '2022-23',
  set: true,
  totalPence: 1_000,
  lines: [{ lineId: 'reviews', name: 'Reviews', amountPence: 500 }],
  allocatedPence: 500,
  unallocatedPence: 500,
  revisions: [],
  pledges: [],
  payments: [],
  invoices: [],
  underwritings: [],
  spending,
  revision: 0,
  ...over,
});

describe('budget spending summary', () => {
  it('given a payment above its commitment, then none of it stays committed and the overspent line goes negative', () => {
    const { lines } = summariseSpending(
      year([
        spend('c', 'commitment', 300),
        spend('p', 'actual', 350, { settlesCommitmentId: 'c' }),
        spend('x', 'actual', 200),
      ]),
    );
    expect(lines[0]).toMatchObject({ budgetPence: 500, committedPence: 0, spentPence: 550, remainingPence: -50 });
  });

  it('given a stated outturn above what the ledger holds, then both and the difference are shown', () => {
    const doc = year([], {
      closure: {
        outturn: { statedPence: 900, parts: [] },
        source: 'Accounts',
        budgetHeld: true,
        closedAt: '2023-04-01T00:00:00.000Z',
      },
    });
    expect(summariseYearEnd(doc, 850).outturn).toEqual({
      statedPence: 900,
      parts: [],
      partsTotalPence: 0,
      partsDifferencePence: null,
      spentInLedgerPence: 850,
      ledgerDifferencePence: 50,
    });
  });
});
