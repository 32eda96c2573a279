import { deciderSpec } from '../../shared/testing/decider-spec';
import { Budget, type BudgetEvent } from './budget';
import { budgetId } from './budget-id';

const spec = deciderSpec(Budget, { occurredAt: '2022-05-10T09:00:00.000Z' });
const figures = { totalPence: 32_100_000, lines: [], allocatedPence: 0, unallocatedPence: 32_100_000 };
const after = { facts: { decidedOn: '2023-06-01' } };

describe('budget identity: owner and year', () => {
  it('names the ledger partnership budget by its year (the stream every existing ledger holds) and a board budget by owner and year', () => {
    expect(budgetId({ financialYear: '2022-23' })).toBe('2022-23');
    expect(budgetId({ ownerId: 'wseb', financialYear: '2022-23' })).toBe('wseb-2022-23');
  });

  it('given no owner, when a budget is set, then the event has the shape it always had (no ownerId)', () => {
    spec
      .given()
      .when({ type: 'set-budget', data: { financialYear: '2022-23', totalPence: 32_100_000, lines: [] } })
      .then([{ type: 'budget-set', data: { financialYear: '2022-23', ...figures } }]);
  });

  it('given a registered board, when its budget is set and paid into, then every event names the board', () => {
    const set: BudgetEvent = { type: 'budget-set', data: { financialYear: '2022-23', ...figures, ownerId: 'wseb' } };
    spec
      .given()
      .when({
        type: 'set-budget',
        data: { ownerId: 'wseb', ownerExists: true, financialYear: '2022-23', totalPence: 32_100_000, lines: [] },
      })
      .then([set]);
    const payment = {
      financialYear: '2022-23',
      paymentId: 'pay-1',
      partnerId: 'warwickshire-police',
      amountPence: 100,
      receivedOn: '2022-06-01',
    };
    spec
      .given([set])
      .when({ type: 'record-payment', data: { ...payment, ownerId: 'wseb', partnerExists: true } })
      .then([{ type: 'payment-received', data: { ...payment, ownerId: 'wseb' } }]);
  });

  it('refuses a budget, a close or a carry-forward for an owner that is not a registered board', () => {
    const owner = { ownerId: 'no-such-board', ownerExists: false };
    spec
      .given()
      .when({ type: 'set-budget', data: { ...owner, financialYear: '2022-23', totalPence: 1, lines: [] } })
      .thenRefuses('owner-not-registered', 422);
    spec
      .given()
      .when({ type: 'close-year', data: { ...owner, financialYear: '2016-17', source: 'Annual report', ...after } })
      .thenRefuses('owner-not-registered', 422);
    spec
      .given()
      .when({
        type: 'carry-forward',
        data: { ...owner, financialYear: '2016-17', amountPence: 1, source: 'Annual report', ...after },
      })
      .thenRefuses('owner-not-registered', 422);
  });
});
