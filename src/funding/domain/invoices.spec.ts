import { deciderSpec } from '../../shared/testing/decider-spec';
import { Budget, type BudgetEvent } from './budget';

const spec = deciderSpec(Budget, { occurredAt: '2022-05-20T09:00:00.000Z' });
const fy = '2022-23';
const budgetSet: BudgetEvent = {
  type: 'budget-set',
  data: { financialYear: fy, totalPence: 32_100_000, lines: [], allocatedPence: 0, unallocatedPence: 32_100_000 },
};
/** The invoice as recorded; the command adds the partner lookup's fact. */
const invoice = {
  financialYear: fy,
  invoiceId: 'police-q1',
  partnerId: 'warwickshire-police',
  amountPence: 1_250_000,
  raisedOn: '2022-05-20',
  reference: 'INV-004512',
};
const raise = (patch: Partial<typeof invoice> = {}, partnerExists = true) =>
  ({ type: 'raise-invoice', data: { ...invoice, ...patch, partnerExists } }) as const;

describe('Budget decider: invoices raised to partners', () => {
  it('given a budget, when an invoice is raised to a registered partner, then it is recorded as raised', () => {
    spec
      .given([budgetSet])
      .when(raise())
      .then([{ type: 'invoice-raised', data: invoice }]);
  });

  it('refuses an invoice raised twice (409), to an unregistered partner, for no money, or before a budget is set', () => {
    spec
      .given([budgetSet, { type: 'invoice-raised', data: invoice }])
      .when(raise())
      .thenRefuses('invoice-exists', 409);
    spec.given([budgetSet]).when(raise({}, false)).thenRefuses('partner-not-registered', 422);
    spec
      .given([budgetSet])
      .when(raise({ amountPence: 0 }))
      .thenRefuses('amount-not-positive', 422);
    spec
      .given([budgetSet])
      .when(raise({ amountPence: 10.5 }))
      .thenRefuses('invalid-money', 422);
    spec.given().when(raise()).thenRefuses('budget-not-set', 422);
  });
});
