import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { describeBudget } from './budget-id';
import { isFinancialYear } from './financial-year';
import { requirePence } from './money-rules';
import { splitShortfall } from './underwriting-split';
import { carryForward, closeYear, recordSpending, requireOpen } from './year-end';
import {
  initialBudgetState,
  type BudgetOwner,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetLine,
  type BudgetState,
  type PledgeState,
} from './budget.messages';

export * from './budget.messages';

type Data<T extends BudgetCommand['type']> = Extract<BudgetCommand, { type: T }>['data'];

/** Every event of an owned budget names its owner; the ledger partnership's budgets keep their old shape. */
export function decideBudget(command: BudgetCommand, state: BudgetState): BudgetEvent[] {
  const { ownerId } = command.data;
  const events = decideYear(command, state);
  return ownerId === undefined ? events : events.map((e) => ({ ...e, data: { ...e.data, ownerId } }) as BudgetEvent);
}

/** A budget that names an owner belongs to a registered board (checked where a stream may begin). */
function requireOwner({ ownerId, ownerExists }: BudgetOwner & { ownerExists?: boolean }): void {
  if (ownerId !== undefined && ownerExists !== true)
    throw new RuleViolation('owner-not-registered', `No board ${ownerId} is registered to hold a budget`, { ownerId });
}

function decideYear(command: BudgetCommand, state: BudgetState): BudgetEvent[] {
  if (command.type === 'set-budget' || command.type === 'close-year' || command.type === 'carry-forward')
    requireOwner(command.data);
  if (command.type === 'set-budget') return [{ type: 'budget-set', data: setBudget(command.data, state) }];
  // A year whose budget predates the ledger can still be closed and carry forward (year-end.ts).
  if (command.type === 'close-year') return [{ type: 'year-closed', data: closeYear(command.data, state) }];
  if (command.type === 'carry-forward') return [{ type: 'carried-forward', data: carryForward(command.data, state) }];
  if (!state.set)
    throw new RuleViolation('budget-not-set', `No budget is set for ${describeBudget(command.data)}`, {
      financialYear: command.data.financialYear,
      ...(command.data.ownerId === undefined ? {} : { ownerId: command.data.ownerId }),
    });
  switch (command.type) {
    case 'revise-budget':
      return [{ type: 'budget-revised', data: reviseBudget(command.data, state) }];
    case 'pledge-contribution':
      return [{ type: 'contribution-pledged', data: pledge(command.data, state) }];
    case 'amend-pledge':
      return [{ type: 'pledge-amended', data: amendPledge(command.data, state) }];
    case 'withdraw-pledge':
      return [{ type: 'pledge-withdrawn', data: withdrawPledge(command.data, state) }];
    case 'record-payment':
      return [{ type: 'payment-received', data: recordPayment(command.data, state) }];
    case 'raise-invoice':
      return [{ type: 'invoice-raised', data: raiseInvoice(command.data, state) }];
    case 'underwrite-shortfall':
      return [{ type: 'shortfall-underwriting-agreed', data: underwrite(command.data, state) }];
    case 'record-spending':
      return [{ type: 'spending-recorded', data: recordSpending(command.data, state) }];
  }
}

function setBudget({ financialYear, totalPence, lines, ownerId }: Data<'set-budget'>, state: BudgetState) {
  if (state.set)
    throw new StateConflict(
      'budget-already-set',
      `The ${describeBudget({ ownerId, financialYear })} budget is already set: revise it instead`,
    );
  requireOpen(state, financialYear);
  if (!isFinancialYear(financialYear))
    throw new RuleViolation(
      'invalid-financial-year',
      'A financial year is written YYYY-YY with consecutive years, e.g. 2022-23',
      { financialYear },
    );
  return { financialYear, ...figures(totalPence, lines) };
}

function reviseBudget({ financialYear, totalPence, lines, reason }: Data<'revise-budget'>, state: BudgetState) {
  const next = figures(totalPence, lines);
  if (totalPence === state.totalPence && JSON.stringify(lines) === JSON.stringify(state.lines)) {
    throw new RuleViolation('budget-unchanged', 'The revision changes neither the total nor the lines');
  }
  return { financialYear, ...next, previousTotalPence: state.totalPence, reason };
}

/** Lines may leave part of the total unallocated (reported), but may never exceed it. */
function figures(totalPence: number, lines: BudgetLine[]) {
  requirePence(totalPence, 'totalPence');
  lines.forEach((l, i) => requirePence(l.amountPence, `lines[${i}].amountPence`));
  const ids = lines.map((l) => l.lineId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new RuleViolation('duplicate-line-id', `Budget line ${dup} appears twice`, { lineId: dup });
  const allocatedPence = lines.reduce((a, l) => a + l.amountPence, 0);
  if (allocatedPence > totalPence)
    throw new RuleViolation('lines-exceed-total', 'The budget lines add up to more than the total', {
      allocatedPence,
      totalPence,
    });
  return { totalPence, lines, allocatedPence, unallocatedPence: totalPence - allocatedPence };
}

function pledge({ partnerExists, ...data }: Data<'pledge-contribution'>, state: BudgetState) {
  if (state.pledges[data.pledgeId])
    throw new StateConflict('pledge-exists', `Pledge ${data.pledgeId} already exists`, { pledgeId: data.pledgeId });
  if (!partnerExists)
    throw new RuleViolation('partner-not-registered', `Partner ${data.partnerId} is not registered`, {
      partnerId: data.partnerId,
    });
  requirePence(data.amountPence, 'amountPence', { positive: true });
  return data;
}

function openPledge(pledgeId: string, state: BudgetState): PledgeState {
  const p = state.pledges[pledgeId];
  if (!p) throw new NotFound('Pledge', pledgeId);
  if (p.withdrawn) throw new RuleViolation('pledge-withdrawn', `Pledge ${pledgeId} was withdrawn`, { pledgeId });
  return p;
}

function amendPledge(
  { financialYear, pledgeId, amountPence, basis, reason }: Data<'amend-pledge'>,
  state: BudgetState,
) {
  const p = openPledge(pledgeId, state);
  requirePence(amountPence, 'amountPence', { positive: true });
  if (amountPence === p.amountPence && basis === p.basis)
    throw new RuleViolation('pledge-unchanged', 'The amendment changes neither the amount nor the basis');
  if (amountPence < p.paidPence)
    throw new RuleViolation('pledge-below-paid', `More than that has already been paid against pledge ${pledgeId}`, {
      paidPence: p.paidPence,
    });
  return {
    financialYear,
    pledgeId,
    partnerId: p.partnerId,
    amountPence,
    basis,
    previousAmountPence: p.amountPence,
    previousBasis: p.basis,
    reason,
  };
}

/** Money already received cannot be un-pledged: amend the pledge down to what was paid instead. */
function withdrawPledge({ financialYear, pledgeId, reason }: Data<'withdraw-pledge'>, state: BudgetState) {
  const p = openPledge(pledgeId, state);
  if (p.paidPence > 0)
    throw new RuleViolation('pledge-has-payments', `Pledge ${pledgeId} has payments against it: amend it instead`, {
      paidPence: p.paidPence,
    });
  return { financialYear, pledgeId, partnerId: p.partnerId, amountPence: p.amountPence, reason };
}

/** A payment against a pledge must come from that pledge's partner and stay within it (amend the pledge first). */
function recordPayment({ partnerExists, ...data }: Data<'record-payment'>, state: BudgetState) {
  if (state.paymentIds.includes(data.paymentId))
    throw new StateConflict('payment-exists', `Payment ${data.paymentId} is already recorded`, {
      paymentId: data.paymentId,
    });
  if (!partnerExists)
    throw new RuleViolation('partner-not-registered', `Partner ${data.partnerId} is not registered`, {
      partnerId: data.partnerId,
    });
  requirePence(data.amountPence, 'amountPence', { positive: true });
  if (data.pledgeId === undefined) return data;
  const p = openPledge(data.pledgeId, state);
  if (p.partnerId !== data.partnerId)
    throw new RuleViolation('pledge-of-another-partner', `Pledge ${data.pledgeId} was made by ${p.partnerId}`, {
      pledgeId: data.pledgeId,
    });
  if (p.paidPence + data.amountPence > p.amountPence) {
    throw new RuleViolation('payment-exceeds-pledge', `The payment takes pledge ${data.pledgeId} above its amount`, {
      pledgedPence: p.amountPence,
      paidPence: p.paidPence,
    });
  }
  return data;
}

/** An invoice asks a registered partner for money towards the year; each is raised once. */
function raiseInvoice({ partnerExists, ...data }: Data<'raise-invoice'>, state: BudgetState) {
  if (state.invoiceIds.includes(data.invoiceId))
    throw new StateConflict('invoice-exists', `Invoice ${data.invoiceId} is already raised`, {
      invoiceId: data.invoiceId,
    });
  if (!partnerExists)
    throw new RuleViolation('partner-not-registered', `Partner ${data.partnerId} is not registered`, {
      partnerId: data.partnerId,
    });
  requirePence(data.amountPence, 'amountPence', { positive: true });
  return data;
}

function underwrite(d: Data<'underwrite-shortfall'>, state: BudgetState) {
  if (state.underwritingIds.includes(d.underwritingId))
    throw new StateConflict('underwriting-exists', `Underwriting ${d.underwritingId} is already recorded`);
  requirePence(d.shortfallPence, 'shortfallPence', { positive: true });
  if (d.partnerIds.length === 0)
    throw new RuleViolation('no-partners', 'At least one partner must underwrite the shortfall');
  const dup = d.partnerIds.find((id, i) => d.partnerIds.indexOf(id) !== i);
  if (dup) throw new RuleViolation('duplicate-partner', `Partner ${dup} is listed twice`, { partnerId: dup });
  if (d.unregisteredPartnerIds.length > 0) {
    throw new RuleViolation('partner-not-registered', `Not registered: ${d.unregisteredPartnerIds.join(', ')}`, {
      partnerIds: d.unregisteredPartnerIds,
    });
  }
  const { financialYear, underwritingId, shortfallPence, method, basis } = d;
  return { financialYear, underwritingId, shortfallPence, method, basis, ...splitShortfall(d) };
}

/** A revision restates the year's budget whole, as setting it did. */
function budgetStated(
  state: BudgetState,
  event: Extract<BudgetEvent, { type: 'budget-set' | 'budget-revised' }>,
): BudgetState {
  const { financialYear, totalPence, lines } = event.data;
  return { ...state, set: true, financialYear, totalPence, lines };
}

const evolutions: Evolutions<BudgetEvent, BudgetState> = {
  'budget-set': budgetStated,
  'budget-revised': budgetStated,
  'contribution-pledged': (state, event) => {
    const { pledgeId, partnerId, amountPence, basis } = event.data;
    return {
      ...state,
      pledges: { ...state.pledges, [pledgeId]: { partnerId, amountPence, basis, withdrawn: false, paidPence: 0 } },
    };
  },
  'pledge-amended': (state, event) => {
    const { pledgeId, amountPence, basis } = event.data;
    return {
      ...state,
      pledges: { ...state.pledges, [pledgeId]: { ...state.pledges[pledgeId], amountPence, basis } },
    };
  },
  'pledge-withdrawn': (state, event) => ({
    ...state,
    pledges: {
      ...state.pledges,
      [event.data.pledgeId]: { ...state.pledges[event.data.pledgeId], withdrawn: true },
    },
  }),
  'payment-received': (state, event) => {
    const { paymentId, pledgeId, amountPence } = event.data;
    const pledges =
      pledgeId === undefined
        ? state.pledges
        : {
            ...state.pledges,
            [pledgeId]: { ...state.pledges[pledgeId], paidPence: state.pledges[pledgeId].paidPence + amountPence },
          };
    return { ...state, pledges, paymentIds: [...state.paymentIds, paymentId] };
  },
  'shortfall-underwriting-agreed': (state, event) => ({
    ...state,
    underwritingIds: [...state.underwritingIds, event.data.underwritingId],
  }),
  'invoice-raised': (state, event) => ({ ...state, invoiceIds: [...state.invoiceIds, event.data.invoiceId] }),
  'spending-recorded': (state, event) => {
    const { spendId, kind, lineId } = event.data;
    return { ...state, spending: { ...state.spending, [spendId]: { kind, lineId } } };
  },
  'year-closed': (state) => ({ ...state, closed: true }),
  'carried-forward': (state) => ({ ...state, carriedForward: true }),
};

/**
 * One stream per owner and financial year (`budget-2022-23` for the ledger's own partnership,
 * `budget-wscb-2022-23` for a board's: budget-id.ts): the budget and every pledge, payment,
 * underwriting and spend against it, its close and the balance it carries into the next year.
 */
export const Budget = aggregateOf(
  { category: 'budget', name: 'Budget' },
  { initialState: initialBudgetState, decide: decideBudget, evolutions },
);
