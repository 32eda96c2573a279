import { budgetProjection } from '../../projections/budget/budget.projection';
import type { BudgetEvent } from '../../src/funding';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ReadModelStore } from '../../src/read-models/read-model-store';
import { ManualClock } from '../../src/shared/clock';
import { newEvent } from '../support/events';
import type { Append } from './support/action-histories';
import { appendAll, dump, runOnce } from './support/runner-harness';

const FY = '2022-23';
const b = (e: BudgetEvent): Append => ({ streamId: `budget-${FY}`, event: newEvent(e.type, e.data) });
const shares = ['wcc', 'police', 'ccg'].map((partnerId) => ({ partnerId, sharePence: 700_000, capPence: 700_000 }));
const LOG: Append[] = [
  {
    streamId: 'partner-wcc',
    event: newEvent('partner-registered', { partnerId: 'wcc', name: 'WCC', kind: 'local-authority', statutory: true }),
  },
  b({
    type: 'budget-set',
    data: { financialYear: FY, totalPence: 32_100_000, lines: [], allocatedPence: 0, unallocatedPence: 32_100_000 },
  }),
  b({
    type: 'contribution-pledged',
    data: { financialYear: FY, pledgeId: 'p1', partnerId: 'wcc', amountPence: 700_000, basis: 'up-to' },
  }),
  b({
    type: 'pledge-amended',
    data: {
      financialYear: FY,
      pledgeId: 'p1',
      partnerId: 'wcc',
      amountPence: 600_000,
      basis: 'agreed',
      previousAmountPence: 700_000,
      previousBasis: 'up-to',
      reason: 'Agreed',
    },
  }),
  b({
    type: 'payment-received',
    data: {
      financialYear: FY,
      paymentId: 'pay1',
      partnerId: 'wcc',
      amountPence: 100_000,
      receivedOn: '2022-06-30',
      pledgeId: 'p1',
    },
  }),
  b({
    type: 'payment-received',
    data: { financialYear: FY, paymentId: 'pay2', partnerId: 'police', amountPence: 5_000, receivedOn: '2022-07-01' },
  }),
  b({
    type: 'shortfall-underwriting-agreed',
    data: {
      financialYear: FY,
      underwritingId: 'u1',
      shortfallPence: 2_164_900,
      method: 'fixed-caps',
      basis: 'in-principle',
      shares,
      coveredPence: 2_100_000,
      uncoveredPence: 64_900,
    },
  }),
  {
    streamId: 'partner-wcc',
    event: newEvent('partner-renamed', {
      partnerId: 'wcc',
      name: 'Warwickshire County Council',
      effectiveFrom: '2022-07-01',
    }),
  },
  { streamId: 'decision-d1', event: newEvent('decision-recorded', { decisionId: 'd1' }) },
];

/** The documents the runner stores for LOG, applied `batchSize` events per commit. */
async function stored(batchSize: number): Promise<Record<string, unknown>> {
  const events = new MemoryEventStore(new ManualClock());
  const store = new ReadModelStore(':memory:');
  try {
    await runOnce(events, store, await appendAll(events, LOG), { batchSize }, budgetProjection);
    return dump(store, budgetProjection.name);
  } finally {
    store.close();
  }
}

describe('budget projection through the runner', () => {
  it('stores the same documents whether each event is its own commit or all share one', async () => {
    const oneByOne = await stored(1);
    expect(Object.keys(oneByOne).sort()).toEqual(['partner:wcc', 'year:2022-23']);
    expect(oneByOne['partner:wcc']).toEqual({ kind: 'partner', partnerId: 'wcc', name: 'Warwickshire County Council' });
    expect(oneByOne['year:2022-23']).toMatchObject({
      pledges: [{ pledgeId: 'p1', amountPence: 600_000, basis: 'agreed', paidPence: 100_000 }],
      underwritings: [{ underwritingId: 'u1' }],
    });
    expect(await stored(500)).toEqual(oneByOne);
  });
});
