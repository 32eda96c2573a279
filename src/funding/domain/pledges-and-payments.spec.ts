import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { Budget, type BudgetCommand, type BudgetEvent } from './budget';

const meta: CommandMeta = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-09-22T09:00:00.000Z',
};
const given = (...events: BudgetEvent[]) => fold(Budget.decider, events);
const when = (state: ReturnType<typeof given>, c: Omit<BudgetCommand, 'meta'>) =>
  Budget.decider.decide({ ...c, meta } as BudgetCommand, state);
const fy = '2022-23';

const budgetSet: BudgetEvent = {
  type: 'budget-set',
  data: { financialYear: fy, totalPence: 32_100_000, lines: [], allocatedPence: 0, unallocatedPence: 32_100_000 },
};
const policePledged: BudgetEvent = {
  type: 'contribution-pledged',
  data: {
    financialYear: fy,
    pledgeId: 'police-2022-23',
    partnerId: 'warwickshire-police',
    amountPence: 5_000_000,
    basis: 'agreed',
  },
};
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
    data: {
      financialYear: fy,
      pledgeId: 'police-2022-23',
      partnerId: 'warwickshire-police',
      amountPence: 5_000_000,
      basis: 'agreed',
      partnerExists: true,
      ...patch,
    },
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
const payment = (patch: Partial<Extract<BudgetCommand, { type: 'record-payment' }>['data']> = {}) =>
  ({
    type: 'record-payment',
    data: {
      financialYear: fy,
      paymentId: 'pay-1',
      partnerId: 'warwickshire-police',
      amountPence: 2_500_000,
      receivedOn: '2022-06-01',
      partnerExists: true,
      ...patch,
    },
  }) as const;

describe('Budget decider: pledges', () => {
  it('given a budget, when a registered partner pledges, then the contribution is recorded without the lookup fact', () => {
    expect(when(given(budgetSet), pledge())).toEqual([policePledged]);
  });

  it('refuses a pledge with no budget, from an unregistered partner, a duplicate id, and zero, fractional or negative money', () => {
    expect(() => when(given(), pledge())).toThrow(expect.objectContaining({ code: 'budget-not-set', status: 422 }));
    expect(() => when(given(budgetSet), pledge({ partnerExists: false }))).toThrow(
      expect.objectContaining({ code: 'partner-not-registered' }),
    );
    expect(() => when(given(budgetSet, policePledged), pledge())).toThrow(
      expect.objectContaining({ code: 'pledge-exists', status: 409 }),
    );
    expect(() => when(given(budgetSet), pledge({ amountPence: 0 }))).toThrow(
      expect.objectContaining({ code: 'amount-not-positive' }),
    );
    expect(() => when(given(budgetSet), pledge({ amountPence: 10.5 }))).toThrow(
      expect.objectContaining({ code: 'invalid-money', status: 422 }),
    );
    expect(() => when(given(budgetSet), pledge({ amountPence: -100 }))).toThrow(
      expect.objectContaining({ code: 'invalid-money', status: 422 }),
    );
  });

  it('given a pledge, when amended, then the previous amount and basis are kept', () => {
    const [e] = when(given(budgetSet, policePledged), amend(700_000, 'up-to'));
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
    expect(given(budgetSet, policePledged, e).pledges['police-2022-23']).toMatchObject({
      amountPence: 700_000,
      basis: 'up-to',
    });
  });

  it('refuses amending a missing, withdrawn or unchanged pledge, and amending below what was paid', () => {
    expect(() => when(given(budgetSet), amend(1))).toThrow(
      expect.objectContaining({ code: 'pledge-not-found', status: 404 }),
    );
    expect(() => when(given(budgetSet, policePledged, policeWithdrew), amend(1))).toThrow(
      expect.objectContaining({ code: 'pledge-withdrawn' }),
    );
    expect(() => when(given(budgetSet, policePledged), amend(5_000_000))).toThrow(
      expect.objectContaining({ code: 'pledge-unchanged' }),
    );
    expect(() => when(given(budgetSet, policePledged, paid(3_000_000)), amend(2_999_999))).toThrow(
      expect.objectContaining({ code: 'pledge-below-paid' }),
    );
    expect(when(given(budgetSet, policePledged, paid(3_000_000)), amend(3_000_000))[0].type).toBe('pledge-amended');
  });

  it('given a pledge, when withdrawn, then it is marked withdrawn and keeps its partner', () => {
    const events = when(given(budgetSet, policePledged), withdraw);
    expect(events).toEqual([{ ...policeWithdrew, data: { ...policeWithdrew.data, reason: 'Force budget cut' } }]);
    expect(given(budgetSet, policePledged, ...events).pledges['police-2022-23'].withdrawn).toBe(true);
  });

  it('refuses withdrawing twice, a missing pledge, and a pledge with payments against it', () => {
    expect(() => when(given(budgetSet, policePledged, policeWithdrew), withdraw)).toThrow(
      expect.objectContaining({ code: 'pledge-withdrawn' }),
    );
    expect(() => when(given(budgetSet), withdraw)).toThrow(expect.objectContaining({ code: 'pledge-not-found' }));
    expect(() => when(given(budgetSet, policePledged, paid(1)), withdraw)).toThrow(
      expect.objectContaining({ code: 'pledge-has-payments' }),
    );
  });
});

describe('Budget decider: payments received', () => {
  it('given a budget, records a payment with or without a pledge, and counts it against the pledge', () => {
    expect(when(given(budgetSet), payment())).toEqual([
      {
        type: 'payment-received',
        data: {
          financialYear: fy,
          paymentId: 'pay-1',
          partnerId: 'warwickshire-police',
          amountPence: 2_500_000,
          receivedOn: '2022-06-01',
        },
      },
    ]);
    const events = when(given(budgetSet, policePledged), payment({ pledgeId: 'police-2022-23' }));
    expect(events[0].data).toMatchObject({ pledgeId: 'police-2022-23' });
    expect(given(budgetSet, policePledged, ...events).pledges['police-2022-23'].paidPence).toBe(2_500_000);
  });

  it('refuses a payment with no budget, a duplicate id, an unregistered partner, and zero, fractional or negative money', () => {
    expect(() => when(given(), payment())).toThrow(expect.objectContaining({ code: 'budget-not-set' }));
    expect(() => when(given(budgetSet, policePledged, paid(1)), payment({ paymentId: 'pay-1' }))).toThrow(
      expect.objectContaining({ code: 'payment-exists', status: 409 }),
    );
    expect(() => when(given(budgetSet), payment({ partnerExists: false }))).toThrow(
      expect.objectContaining({ code: 'partner-not-registered' }),
    );
    expect(() => when(given(budgetSet), payment({ amountPence: 0 }))).toThrow(
      expect.objectContaining({ code: 'amount-not-positive' }),
    );
    expect(() => when(given(budgetSet), payment({ amountPence: 0.5 }))).toThrow(
      expect.objectContaining({ code: 'invalid-money' }),
    );
    expect(() => when(given(budgetSet), payment({ amountPence: -1 }))).toThrow(
      expect.objectContaining({ code: 'invalid-money' }),
    );
  });

  it("refuses a payment against a withdrawn, missing or another partner's pledge, or beyond the pledged amount", () => {
    const withPledge = given(budgetSet, policePledged);
    expect(() =>
      when(given(budgetSet, policePledged, policeWithdrew), payment({ pledgeId: 'police-2022-23' })),
    ).toThrow(expect.objectContaining({ code: 'pledge-withdrawn' }));
    expect(() => when(withPledge, payment({ pledgeId: 'nope' }))).toThrow(
      expect.objectContaining({ code: 'pledge-not-found' }),
    );
    expect(() => when(withPledge, payment({ pledgeId: 'police-2022-23', partnerId: 'warwickshire-cc' }))).toThrow(
      expect.objectContaining({ code: 'pledge-of-another-partner' }),
    );
    expect(() =>
      when(
        given(budgetSet, policePledged, paid(3_000_000)),
        payment({ pledgeId: 'police-2022-23', amountPence: 2_000_001 }),
      ),
    ).toThrow(expect.objectContaining({ code: 'payment-exceeds-pledge' }));
    expect(
      when(
        given(budgetSet, policePledged, paid(3_000_000)),
        payment({ pledgeId: 'police-2022-23', amountPence: 2_000_000 }),
      ),
    ).toHaveLength(1);
  });
});
