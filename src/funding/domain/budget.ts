import type { Aggregate } from '../../ledger/aggregate';
import { eventCodec, v1 } from '../../ledger/event-codec';
import { decideBudget } from './budget.decide';
import { initialBudgetState, type BudgetCommand, type BudgetEvent, type BudgetState } from './budget.types';

export * from './budget.types';

function evolve(state: BudgetState, event: BudgetEvent): BudgetState {
  switch (event.type) {
    case 'budget-set':
    case 'budget-revised':
      return {
        ...state,
        set: true,
        financialYear: event.data.financialYear,
        totalPence: event.data.totalPence,
        lines: event.data.lines,
      };
    case 'contribution-pledged': {
      const { pledgeId, partnerId, amountPence, basis } = event.data;
      return {
        ...state,
        pledges: { ...state.pledges, [pledgeId]: { partnerId, amountPence, basis, withdrawn: false, paidPence: 0 } },
      };
    }
    case 'pledge-amended': {
      const { pledgeId, amountPence, basis } = event.data;
      return {
        ...state,
        pledges: { ...state.pledges, [pledgeId]: { ...state.pledges[pledgeId], amountPence, basis } },
      };
    }
    case 'pledge-withdrawn':
      return {
        ...state,
        pledges: {
          ...state.pledges,
          [event.data.pledgeId]: { ...state.pledges[event.data.pledgeId], withdrawn: true },
        },
      };
    case 'payment-received': {
      const { paymentId, pledgeId, amountPence } = event.data;
      const pledges =
        pledgeId === undefined
          ? state.pledges
          : {
              ...state.pledges,
              [pledgeId]: { ...state.pledges[pledgeId], paidPence: state.pledges[pledgeId].paidPence + amountPence },
            };
      return { ...state, pledges, paymentIds: [...state.paymentIds, paymentId] };
    }
    case 'shortfall-underwriting-agreed':
      return { ...state, underwritingIds: [...state.underwritingIds, event.data.underwritingId] };
  }
}

/** One stream per financial year (`budget-2022-23`): the budget and every pledge, payment and underwriting against it. */
export const Budget: Aggregate<BudgetCommand, BudgetEvent, BudgetState> = {
  category: 'budget',
  name: 'Budget',
  decider: { initialState: initialBudgetState, decide: decideBudget, evolve },
  codec: eventCodec<BudgetEvent>(
    v1(
      'budget-set',
      'budget-revised',
      'contribution-pledged',
      'pledge-amended',
      'pledge-withdrawn',
      'payment-received',
      'shortfall-underwriting-agreed',
    ),
  ),
};
