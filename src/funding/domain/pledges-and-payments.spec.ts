import { deciderSpec } from '../../shared/testing/decider-spec';
import { Budget, type BudgetCommand, type BudgetEvent } from './budget';

const spec = deciderSpec(Budget, { occurredAt: '2022-09-22T09:00:00.000Z' });

const fy = '2022-23';

const budgetSet: BudgetEvent = {
  type: 'budget-set',
  data: { financialYear: fy, totalPence: 32_100_000, lines: [], allocatedPence: 0, unallocatedPence: 32_100_000 },
};
/** The police pledge as asked for (with the partner lookup's fact) and as recorded (without it). */
const policePledge = {
  financialYear: fy,
  pledgeId: 'police-2022-23',
  partnerId: 'warwickshire-police',
  amountPence: 5_000_000,
  basis: 'agreed',
} as const;
const policePledged: BudgetEvent = { type: 'contribution-pledged', data: policePledge };
const policeWithdrew: BudgetEvent = {
  type: 'pledge-withdrawn',
  data: {
    financialYear: fy,
    pledgeId: 'police-2022-23',
    partnerId: 'warwickshire-police',
    amountPence: 5_000_000,
    reason: 'r',
  },
};
const paid = (amountPence: number): BudgetEvent => ({
  type: 'payment-received',
  data: {
    financialYear: fy,
    paymentId: `pay-${amountPence}`,
    partnerId: 'warwickshire-police',
    amountPence,
    receivedOn: '2022-06-01',
    pledgeId: 'police-2022-23',
  },
});

const pledge = (patch: Partial<Extract<BudgetCommand, { type: 'pledge-contribution' }>['data']> = {}) =>
  ({
    type: 'pledge-contribution',
    data: { ...policePledge, partnerExists: true, ...patch },
  }) as const;
const amend = (amountPence: number, basis: 'agreed' | 'in-principle' | 'up-to' = 'agreed') =>
  ({
    type: 'amend-pledge',
    data: {
      financialYear: fy,
      pledgeId: 'police-2022-23',
      amountPence,
      basis,
      reason: 'Board agreed a revised contribution',
    },
  }) as const;
const withdraw = {
  type: 'withdraw-pledge',
  data: { financialYear: fy, pledgeId: 'police-2022-23', reason: 'Force budget cut' },
} as const;
/** A payment with no pledge named, as asked for (with the lookup's fact) and as recorded. */
const policePayment = {
  financialYear: fy,
  paymentId: 'pay-1',
  partnerId: 'warwickshire-police',
  amountPence: 2_500_000,
  receivedOn: '2022-06-01',
} as const;
const payment = (patch: Partial<Extract<BudgetCommand, { type: 'record-payment' }>['data']> = {}) =>
  ({
    type: 'record-payment',
    data: { ...policePayment, partnerExists: true, ...patch },
  }) as const;

describe('Budget decider: pledges', () => {
  it('given a budget, when a registered partner pledges, then the contribution is recorded without the lookup fact', () => {
    spec.given([budgetSet]).when(pledge()).then([policePledged]);
  });

  it('given a budget, when a pledge states where it is recorded, then the contribution keeps that source', () => {
    const source = "Minutes 10 May 2022, item 10: 'JG agreed to underwrite and split the costs.'";
    spec
      .given([budgetSet])
      .when(pledge({ source }))
      .then([{ type: 'contribution-pledged', data: { ...policePledge, source } }]);
  });

  it('refuses a pledge with no budget, from an unregistered partner, a duplicate id, and zero, fractional or negative money', () => {
    spec.given().when(pledge()).thenRefuses('budget-not-set', 422);
    spec
      .given([budgetSet])
      .when(pledge({ partnerExists: false }))
      .thenRefuses('partner-not-registered');
    spec.given([budgetSet, policePledged]).when(pledge()).thenRefuses('pledge-exists', 409);
    spec
      .given([budgetSet])
      .when(pledge({ amountPence: 0 }))
      .thenRefuses('amount-not-positive');
    spec
      .given([budgetSet])
      .when(pledge({ amountPence: 10.5 }))
      .thenRefuses('invalid-money', 422);
    spec
      .given([budgetSet])
      .when(pledge({ amountPence: -100 }))
      .thenRefuses('invalid-money', 422);
  });

  it('given a pledge, when amended, then the previous amount and basis are kept', () => {
    const [e] = spec.given([budgetSet, policePledged]).when(amend(700_000, 'up-to')).decided();
    expect(e).toEqual({
      type: 'pledge-amended',
      data: {
        financialYear: fy,
        pledgeId: 'police-2022-23',
        partnerId: 'warwickshire-police',
        amountPence: 700_000,
        basis: 'up-to',
        previousAmountPence: 5_000_000,
        previousBasis: 'agreed',
        reason: 'Board agreed a revised contribution',
      },
    });
    expect(spec.given([budgetSet, policePledged, e]).state().pledges['police-2022-23']).toMatchObject({
      amountPence: 700_000,
      basis: 'up-to',
    });
  });

  it('refuses amending a missing, withdrawn or unchanged pledge, and amending below what was paid', () => {
    spec.given([budgetSet]).when(amend(1)).thenRefuses('pledge-not-found', 404);
    spec.given([budgetSet, policePledged, policeWithdrew]).when(amend(1)).thenRefuses('pledge-withdrawn');
    spec.given([budgetSet, policePledged]).when(amend(5_000_000)).thenRefuses('pledge-unchanged');
    spec
      .given([budgetSet, policePledged, paid(3_000_000)])
      .when(amend(2_999_999))
      .thenRefuses('pledge-below-paid');
    expect(
      spec
        .given([budgetSet, policePledged, paid(3_000_000)])
        .when(amend(3_000_000))
        .decided()[0].type,
    ).toBe('pledge-amended');
  });

  it('given a pledge, when withdrawn, then it is marked withdrawn and keeps its partner', () => {
    const events = spec.given([budgetSet, policePledged]).when(withdraw).decided();
    expect(events).toEqual([{ ...policeWithdrew, data: { ...policeWithdrew.data, reason: 'Force budget cut' } }]);
    expect(spec.given([budgetSet, policePledged, ...events]).state().pledges['police-2022-23'].withdrawn).toBe(true);
  });

  it('refuses withdrawing twice, a missing pledge, and a pledge with payments against it', () => {
    spec.given([budgetSet, policePledged, policeWithdrew]).when(withdraw).thenRefuses('pledge-withdrawn');
    spec.given([budgetSet]).when(withdraw).thenRefuses('pledge-not-found');
    spec
      .given([budgetSet, policePledged, paid(1)])
      .when(withdraw)
      .thenRefuses('pledge-has-payments');
  });
});

describe('Budget decider: payments received', () => {
  it('given a budget, records a payment with or without a pledge, and counts it against the pledge', () => {
    spec
      .given([budgetSet])
      .when(payment())
      .then([{ type: 'payment-received', data: policePayment }]);
    const events = spec
      .given([budgetSet, policePledged])
      .when(payment({ pledgeId: 'police-2022-23' }))
      .decided();
    expect(events[0].data).toMatchObject({ pledgeId: 'police-2022-23' });
    expect(spec.given([budgetSet, policePledged, ...events]).state().pledges['police-2022-23'].paidPence).toBe(
      2_500_000,
    );
  });

  it('refuses a payment with no budget, a duplicate id, an unregistered partner, and zero, fractional or negative money', () => {
    spec.given().when(payment()).thenRefuses('budget-not-set');
    spec
      .given([budgetSet, policePledged, paid(1)])
      .when(payment({ paymentId: 'pay-1' }))
      .thenRefuses('payment-exists', 409);
    spec
      .given([budgetSet])
      .when(payment({ partnerExists: false }))
      .thenRefuses('partner-not-registered');
    spec
      .given([budgetSet])
      .when(payment({ amountPence: 0 }))
      .thenRefuses('amount-not-positive');
    spec
      .given([budgetSet])
      .when(payment({ amountPence: 0.5 }))
      .thenRefuses('invalid-money');
    spec
      .given([budgetSet])
      .when(payment({ amountPence: -1 }))
      .thenRefuses('invalid-money');
  });

  it("refuses a payment against a withdrawn, missing or another partner's pledge, or beyond the pledged amount", () => {
    const withPledge = spec.given([budgetSet, policePledged]);
    spec
      .given([budgetSet, policePledged, policeWithdrew])
      .when(payment({ pledgeId: 'police-2022-23' }))
      .thenRefuses('pledge-withdrawn');
    withPledge.when(payment({ pledgeId: 'nope' })).thenRefuses('pledge-not-found');
    withPledge
      .when(payment({ pledgeId: 'police-2022-23', partnerId: 'warwickshire-cc' }))
      .thenRefuses('pledge-of-another-partner');
    spec
      .given([budgetSet, policePledged, paid(3_000_000)])
      .when(payment({ pledgeId: 'police-2022-23', amountPence: 2_000_001 }))
      .thenRefuses('payment-exceeds-pledge');
    expect(
      spec
        .given([budgetSet, policePledged, paid(3_000_000)])
        .when(payment({ pledgeId: 'police-2022-23', amountPence: 2_000_000 }))
        .decided(),
    ).toHaveLength(1);
  });
});
