import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import { isFinancialYear } from './financial-year';
import { requirePence } from './money-rules';
import type { BudgetCommand, BudgetState, StatedFigure } from './budget.messages';

/**
 * Spending, close and carry-forward of a year's budget (the decider's part for them; budget.ts
 * routes the commands here). A year whose budget predates the ledger (its stream holds no
 * budget-set) may still be closed and carry forward, with the figures its documents state: the
 * 2016-17 report gives the carry-forward but not the budget's total.
 */
type Data<T extends BudgetCommand['type']> = Extract<BudgetCommand, { type: T }>['data'];

/** `2016-17` -> `2017-18`. */
export function nextFinancialYear(financialYear: string): string {
  const start = Number(financialYear.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** A financial year runs 1 April to 31 March: `2022-23` holds 2022-04-01 .. 2023-03-31. */
function withinYear(financialYear: string, date: string): boolean {
  const start = Number(financialYear.slice(0, 4));
  const day = date.slice(0, 10);
  return day >= `${start}-04-01` && day <= `${start + 1}-03-31`;
}

export function requireOpen(state: BudgetState, financialYear: string): void {
  if (state.closed)
    throw new StateConflict('year-closed', `The ${financialYear} budget is closed: nothing more can be spent on it`, {
      financialYear,
    });
}

export function recordSpending({ referenceExists, ...data }: Data<'record-spending'>, state: BudgetState) {
  requireOpen(state, data.financialYear);
  if (state.spending[data.spendId])
    throw new StateConflict('spending-exists', `Spending ${data.spendId} is already recorded`, {
      spendId: data.spendId,
    });
  if (!state.lines.some((l) => l.lineId === data.lineId))
    throw new RuleViolation('unknown-budget-line', `The ${data.financialYear} budget has no line ${data.lineId}`, {
      lineId: data.lineId,
    });
  requirePence(data.amountPence, 'amountPence', { positive: true });
  if (!withinYear(data.financialYear, data.spentOn))
    throw new RuleViolation('spent-outside-year', `${data.spentOn} is not in financial year ${data.financialYear}`, {
      spentOn: data.spentOn,
    });
  if (data.reference && !referenceExists)
    throw new RuleViolation(
      'referenced-record-not-found',
      `No ${data.reference.kind} ${data.reference.id} is recorded`,
      { ...data.reference },
    );
  if (data.settlesCommitmentId !== undefined) {
    const c = state.spending[data.settlesCommitmentId];
    if (data.kind !== 'actual' || c?.kind !== 'commitment' || c.lineId !== data.lineId)
      throw new RuleViolation(
        'unknown-commitment',
        `Only an actual spend settles a commitment, and ${data.settlesCommitmentId} is no commitment on line ${data.lineId}`,
        { settlesCommitmentId: data.settlesCommitmentId },
      );
  }
  return data;
}

function stated(figure: StatedFigure | undefined, field: string): void {
  if (!figure) return;
  requirePence(figure.statedPence, `${field}.statedPence`);
  figure.parts.forEach((p, i) => requirePence(p.amountPence, `${field}.parts[${i}].amountPence`));
}

/** A year's books close after it ends (31 March), not before: a future or current year is refused. */
function requireEnded(financialYear: string, decidedOn: string): void {
  const lastDay = `${Number(financialYear.slice(0, 4)) + 1}-03-31`;
  if (decidedOn.slice(0, 10) <= lastDay)
    throw new RuleViolation(
      'year-not-ended',
      `${financialYear} runs until ${lastDay}: it cannot be closed or carried forward before then`,
      {
        financialYear,
      },
    );
}

export function closeYear({ facts, ownerExists: _owner, ...data }: Data<'close-year'>, state: BudgetState) {
  if (!isFinancialYear(data.financialYear))
    throw new RuleViolation('invalid-financial-year', 'A financial year is written YYYY-YY, e.g. 2022-23');
  requireEnded(data.financialYear, facts.decidedOn);
  if (state.closed)
    throw new StateConflict('year-already-closed', `The ${data.financialYear} budget is already closed`, {
      financialYear: data.financialYear,
    });
  stated(data.outturn, 'outturn');
  stated(data.carryForwardSpent, 'carryForwardSpent');
  return { ...data, budgetHeld: state.set };
}

/** Recorded once, on the closing year's stream; the projection shows it in both years. */
export function carryForward({ financialYear, amountPence, source, facts }: Data<'carry-forward'>, state: BudgetState) {
  if (!isFinancialYear(financialYear))
    throw new RuleViolation('invalid-financial-year', 'A financial year is written YYYY-YY, e.g. 2022-23');
  requireEnded(financialYear, facts.decidedOn);
  if (state.carriedForward)
    throw new StateConflict('already-carried-forward', `${financialYear} has already carried its balance forward`, {
      financialYear,
    });
  if (state.set && !state.closed)
    throw new RuleViolation('year-not-closed', `Close ${financialYear} with its outturn before carrying forward`, {
      financialYear,
    });
  requirePence(amountPence, 'amountPence', { positive: true });
  return { financialYear, toFinancialYear: nextFinancialYear(financialYear), amountPence, source, yearHeld: state.set };
}
