import type { StatedFigure } from '../../src/funding';
import type { BudgetYearDoc, CarryForwardEntry, SpendEntry } from './budget-doc';

/**
 * Spending and year-end as a board reads them (integer pence):
 * - Committed = commitments not yet settled: each commitment less the actual spends naming it,
 *   floored at zero (a payment above its commitment is all spent, none still committed).
 * - Spent = actual spends. Remaining = the line's budget less spent and committed; negative when
 *   the line is overspent, shown as such.
 * - Stated figures (a closing document's outturn, what it says was spent of the money brought
 *   forward) are shown as stated, beside what is computed from them: the sum of their parts, and,
 *   for the carry-forward, brought forward less carried out. Differences are stated minus computed,
 *   so a document whose parts do not add up shows by how much (never silently corrected).
 */
export interface SpendingFigures {
  budgetPence: number;
  committedPence: number;
  spentPence: number;
  remainingPence: number;
}

export interface LineSpending extends SpendingFigures {
  lineId: string;
  name: string;
}

export interface StatedFigureCheck extends StatedFigure {
  partsTotalPence: number;
  /** Stated less the sum of its parts (null when the document lists no parts). */
  partsDifferencePence: number | null;
}

export interface YearEndView {
  closed: boolean;
  closedAt: string | null;
  source: string | null;
  /** False when the year was closed from its documents, its budget predating the ledger. */
  budgetHeld: boolean;
  outturn: (StatedFigureCheck & { spentInLedgerPence: number; ledgerDifferencePence: number }) | null;
  broughtForward: CarryForwardEntry | null;
  carriedOut: CarryForwardEntry | null;
  carryForwardSpent:
    | (StatedFigureCheck & {
        /** Brought forward less carried out, when both are recorded. */
        broughtForwardLessCarriedOutPence: number | null;
        balanceDifferencePence: number | null;
      })
    | null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function figuresOf(budgetPence: number, spends: SpendEntry[]): SpendingFigures {
  const actual = spends.filter((s) => s.kind === 'actual');
  const settled = (commitmentId: string) =>
    sum(actual.filter((a) => a.settlesCommitmentId === commitmentId).map((a) => a.amountPence));
  const committedPence = sum(
    spends.filter((s) => s.kind === 'commitment').map((c) => Math.max(0, c.amountPence - settled(c.spendId))),
  );
  const spentPence = sum(actual.map((a) => a.amountPence));
  return { budgetPence, committedPence, spentPence, remainingPence: budgetPence - spentPence - committedPence };
}

export function summariseSpending(doc: BudgetYearDoc): { lines: LineSpending[]; totals: SpendingFigures } {
  const lines = doc.lines.map(({ lineId, name, amountPence }) => ({
    lineId,
    name,
    ...figuresOf(
      amountPence,
      doc.spending.filter((s) => s.lineId === lineId),
    ),
  }));
  return { lines, totals: figuresOf(doc.totalPence, doc.spending) };
}

function check(figure: StatedFigure): StatedFigureCheck {
  const partsTotalPence = sum(figure.parts.map((p) => p.amountPence));
  return {
    ...figure,
    partsTotalPence,
    partsDifferencePence: figure.parts.length === 0 ? null : figure.statedPence - partsTotalPence,
  };
}

export function summariseYearEnd(doc: BudgetYearDoc, spentInLedgerPence: number): YearEndView {
  const { closure, broughtForward, carriedOut } = doc;
  const balance = broughtForward && carriedOut ? broughtForward.amountPence - carriedOut.amountPence : null;
  const cfSpent = closure?.carryForwardSpent;
  return {
    closed: closure !== undefined,
    closedAt: closure?.closedAt ?? null,
    source: closure?.source ?? null,
    budgetHeld: doc.set,
    outturn: closure?.outturn
      ? {
          ...check(closure.outturn),
          spentInLedgerPence,
          ledgerDifferencePence: closure.outturn.statedPence - spentInLedgerPence,
        }
      : null,
    broughtForward: broughtForward ?? null,
    carriedOut: carriedOut ?? null,
    carryForwardSpent: cfSpent
      ? {
          ...check(cfSpent),
          broughtForwardLessCarriedOutPence: balance,
          balanceDifferencePence: balance === null ? null : cfSpent.statedPence - balance,
        }
      : null,
  };
}
