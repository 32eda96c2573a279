import type { PledgeBasis, UnderwritingBasis } from '../../src/funding';
import type { BudgetYearDoc, InvoiceEntry, PledgeEntry, SpendEntry, UnderwritingEntry } from './budget-doc';
import { followSuccession, type HeldShare, type SuccessorOf } from './underwriting-succession';
import {
  summariseSpending,
  summariseYearEnd,
  type LineSpending,
  type SpendingFigures,
  type YearEndView,
} from './budget-spending.summary';

/**
 * How the figures are counted (all money integer pence):
 * - Only OPEN AGREED pledges count as contributions. In-principle and "up to" (capped) pledges are
 *   shown beside them, never counted: a board cannot balance a budget on a maybe or a ceiling.
 *   Withdrawn pledges are listed and count for nothing.
 * - Shortfall: the latest underwriting agreement states the shortfall the board agreed to cover,
 *   and that stated figure is THE shortfall (source 'underwriting-agreement'). The board knows
 *   income the ledger may not hold (e.g. the 2022/23 demo records no agreed contributions at all,
 *   so budget minus agreed would be the whole £321,000, not the minuted £21,649). With no
 *   agreement, the shortfall is budget minus agreed contributions, floored at zero (source
 *   'agreed-contributions'). Both figures are always shown so a divergence is visible.
 * - Underwriting: the latest agreement's shares and caps; what it covers and leaves uncovered are
 *   as the agreement recorded them. Earlier agreements stay in `underwritings`, superseded.
 * - Outstanding (per partner): agreed pledges not yet paid, less payments received without a
 *   pledge (money on account), floored at zero. Underwriting shares are a promise to cover a
 *   shortfall if it materialises, not an invoice, so they are never outstanding.
 * - Invoiced (per partner): invoices raised to it; invoiced unpaid = invoiced less every payment
 *   received from it, floored at zero (a payment is matched to the partner, not to one invoice).
 * - Counted (per partner) = agreed contributions + underwriting share. A partner's share of the
 *   budget is given twice, each named for what it counts: agreed pledges only
 *   (pledgeShareOfBudgetPercent) and pledges plus underwriting (pledgeAndUnderwritingShareOfBudgetPercent,
 *   also shareOfBudgetPercent, its first name); shareOfCountedPercent is counted over all partners' counted money.
 */
export type ShortfallSource = 'underwriting-agreement' | 'agreed-contributions';

export interface PledgeView extends PledgeEntry {
  outstandingPence: number;
}

export interface PartnerContribution {
  partnerId: string;
  partnerName: string | null;
  pledges: PledgeView[];
  agreedPence: number;
  /** Shown, not counted. */
  inPrinciplePence: number;
  /** Caps of "up to" pledges: shown, not counted. */
  upToPence: number;
  paidPence: number;
  outstandingPence: number;
  /** Invoices raised to the partner, in the order raised. */
  invoices: InvoiceEntry[];
  invoicedPence: number;
  /** Invoiced less paid, floored at zero. */
  invoicedUnpaidPence: number;
  /** With undertakenBy and heldSince when the share came to this partner by succession (CCG -> ICB). */
  underwriting: {
    sharePence: number;
    capPence: number | null;
    basis: UnderwritingBasis;
    undertakenBy?: string;
    heldSince?: string;
  } | null;
  countedPence: number;
  /** Agreed pledges only over the budget total, in percent to two places (null with a zero budget). */
  pledgeShareOfBudgetPercent: number | null;
  /** Agreed pledges plus the underwriting share (counted) over the budget total, as pledgeShareOfBudgetPercent. */
  pledgeAndUnderwritingShareOfBudgetPercent: number | null;
  /** The same as pledgeAndUnderwritingShareOfBudgetPercent, under the name it had first (kept for existing readers). */
  shareOfBudgetPercent: number | null;
  /** Counted over all partners' counted money, in percent to two places (null when nothing is counted). */
  shareOfCountedPercent: number | null;
}

export interface BudgetYearView {
  /** The board whose budget it is; null for the ledger's own partnership. */
  ownerId: string | null;
  financialYear: string;
  /** The budget stream's revision (what If-Match on the year's commands checks). */
  revision: number;
  totalPence: number;
  lines: BudgetYearDoc['lines'];
  allocatedPence: number;
  unallocatedPence: number;
  revisions: BudgetYearDoc['revisions'];
  contributions: {
    agreedPence: number;
    inPrinciplePence: number;
    upToPence: number;
    paidPence: number;
    outstandingPence: number;
    invoicedPence: number;
    invoicedUnpaidPence: number;
  };
  shortfall: {
    shortfallPence: number;
    source: ShortfallSource;
    budgetLessAgreedPence: number;
    statedPence: number | null;
  };
  underwriting: (Omit<UnderwritingEntry, 'shares'> & { partnerCount: number }) | null;
  underwritings: UnderwritingEntry[];
  partners: PartnerContribution[];
  /** Per line and in total: budget, committed, spent, remaining (budget-spending.summary.ts). */
  spending: { lines: LineSpending[]; totals: SpendingFigures; entries: SpendEntry[] };
  yearEnd: YearEndView;
  lastUpdate: BudgetYearDoc['lastUpdate'] | null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 10_000) / whole) / 100);
const openWith = (pledges: PledgeEntry[], basis: PledgeBasis) =>
  sum(pledges.filter((p) => !p.withdrawn && p.basis === basis).map((p) => p.amountPence));

type HeldUnderwriting = Omit<UnderwritingEntry, 'shares'> & { shares: HeldShare[] };

function partnerIdsOf(doc: BudgetYearDoc, current: HeldUnderwriting | undefined): string[] {
  const ids = [
    ...doc.pledges.map((p) => p.partnerId),
    ...doc.payments.map((p) => p.partnerId),
    ...doc.invoices.map((i) => i.partnerId),
    ...(current?.shares.map((s) => s.partnerId) ?? []),
  ];
  return [...new Set(ids)].sort();
}

function partnerFigures(
  doc: BudgetYearDoc,
  partnerId: string,
  current: HeldUnderwriting | undefined,
  nameOf: (id: string) => string | undefined,
) {
  const pledges = doc.pledges
    .filter((p) => p.partnerId === partnerId)
    .map((p) => ({ ...p, outstandingPence: p.withdrawn ? 0 : p.amountPence - p.paidPence }));
  const payments = doc.payments.filter((p) => p.partnerId === partnerId);
  const onAccount = sum(payments.filter((p) => p.pledgeId === undefined).map((p) => p.amountPence));
  const agreedUnpaid = sum(pledges.filter((p) => !p.withdrawn && p.basis === 'agreed').map((p) => p.outstandingPence));
  const share = current?.shares.find((s) => s.partnerId === partnerId);
  const agreedPence = openWith(pledges, 'agreed');
  const invoices = doc.invoices.filter((i) => i.partnerId === partnerId);
  const invoicedPence = sum(invoices.map((i) => i.amountPence));
  const paidPence = sum(payments.map((p) => p.amountPence));
  return {
    partnerId,
    partnerName: nameOf(partnerId) ?? null,
    pledges,
    agreedPence,
    inPrinciplePence: openWith(pledges, 'in-principle'),
    upToPence: openWith(pledges, 'up-to'),
    paidPence,
    outstandingPence: Math.max(0, agreedUnpaid - onAccount),
    invoices,
    invoicedPence,
    invoicedUnpaidPence: Math.max(0, invoicedPence - paidPence),
    underwriting:
      share && current
        ? {
            sharePence: share.sharePence,
            capPence: share.capPence ?? null,
            basis: current.basis,
            ...(share.undertakenBy ? { undertakenBy: share.undertakenBy, heldSince: share.heldSince } : {}),
          }
        : null,
    countedPence: agreedPence + (share?.sharePence ?? 0),
  };
}

/** The headline of an agreement; each partner's share is on that partner's row. */
const withoutShares = ({ shares, ...rest }: HeldUnderwriting) => ({ ...rest, partnerCount: shares.length });

/** The year as a board or an inspector reads it; `nameOf` looks partner names up in the projection. */
export function summariseYear(
  doc: BudgetYearDoc,
  nameOf: (partnerId: string) => string | undefined = () => undefined,
  successorOf: SuccessorOf = () => undefined,
): BudgetYearView {
  const current = followSuccession(doc.underwritings.at(-1), successorOf);
  const figures = partnerIdsOf(doc, current).map((id) => partnerFigures(doc, id, current, nameOf));
  const counted = sum(figures.map((f) => f.countedPence));
  const partners = figures.map((f) => ({
    ...f,
    pledgeShareOfBudgetPercent: percent(f.agreedPence, doc.totalPence),
    pledgeAndUnderwritingShareOfBudgetPercent: percent(f.countedPence, doc.totalPence),
    shareOfBudgetPercent: percent(f.countedPence, doc.totalPence),
    shareOfCountedPercent: percent(f.countedPence, counted),
  }));
  const agreedPence = sum(partners.map((p) => p.agreedPence));
  const budgetLessAgreedPence = Math.max(0, doc.totalPence - agreedPence);
  const spending = summariseSpending(doc);
  return {
    financialYear: doc.financialYear,
    ownerId: doc.ownerId,
    revision: doc.revision,
    totalPence: doc.totalPence,
    lines: doc.lines,
    allocatedPence: doc.allocatedPence,
    unallocatedPence: doc.unallocatedPence,
    revisions: doc.revisions,
    contributions: {
      agreedPence,
      inPrinciplePence: sum(partners.map((p) => p.inPrinciplePence)),
      upToPence: sum(partners.map((p) => p.upToPence)),
      paidPence: sum(partners.map((p) => p.paidPence)),
      outstandingPence: sum(partners.map((p) => p.outstandingPence)),
      invoicedPence: sum(partners.map((p) => p.invoicedPence)),
      invoicedUnpaidPence: sum(partners.map((p) => p.invoicedUnpaidPence)),
    },
    shortfall: current
      ? {
          shortfallPence: current.shortfallPence,
          source: 'underwriting-agreement',
          budgetLessAgreedPence,
          statedPence: current.shortfallPence,
        }
      : {
          shortfallPence: budgetLessAgreedPence,
          source: 'agreed-contributions',
          budgetLessAgreedPence,
          statedPence: null,
        },
    underwriting: current ? withoutShares(current) : null,
    underwritings: doc.underwritings,
    partners,
    spending: { ...spending, entries: doc.spending },
    yearEnd: summariseYearEnd(doc, spending.totals.spentPence),
    lastUpdate: doc.lastUpdate ?? null,
  };
}
