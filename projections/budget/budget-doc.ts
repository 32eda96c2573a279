import type {
  BudgetLine,
  PledgeBasis,
  SpendingKind,
  SpendingReference,
  StatedFigure,
  UnderwritingBasis,
  UnderwritingMethod,
  UnderwritingShare,
} from '../../src/funding';
import type { Actor } from '../../src/ledger/event-envelope';
import type { RecordRevision } from '../record-revision';

/** One pledge as the year's events left it; withdrawn pledges stay visible but count for nothing. */
export interface PledgeEntry {
  pledgeId: string;
  partnerId: string;
  amountPence: number;
  basis: PledgeBasis;
  withdrawn: boolean;
  /** Received against this pledge (payment-received naming it). */
  paidPence: number;
  pledgedAt: string;
  /** Where the pledge is recorded and what of it is illustrative, as the pledge states it. */
  source?: string;
  amendedAt?: string;
  withdrawnAt?: string;
}

export interface PaymentEntry {
  paymentId: string;
  partnerId: string;
  amountPence: number;
  receivedOn: string;
  pledgeId?: string;
}

/** An invoice raised to a partner, as recorded. */
export interface InvoiceEntry {
  invoiceId: string;
  partnerId: string;
  amountPence: number;
  raisedOn: string;
  reference: string;
}

/** An underwriting agreement exactly as recorded: the board's stated shortfall and each partner's share and cap. */
export interface UnderwritingEntry {
  underwritingId: string;
  shortfallPence: number;
  method: UnderwritingMethod;
  basis: UnderwritingBasis;
  shares: UnderwritingShare[];
  coveredPence: number;
  uncoveredPence: number;
  agreedAt: string;
}

/** A commitment or actual spend as recorded against a line. */
export interface SpendEntry {
  spendId: string;
  kind: SpendingKind;
  lineId: string;
  amountPence: number;
  spentOn: string;
  description: string;
  reference?: SpendingReference;
  settlesCommitmentId?: string;
  recordedAt: string;
}

/** The year's close as recorded: its figures as the cited document states them. */
export interface YearCloseEntry {
  outturn?: StatedFigure;
  carryForwardSpent?: StatedFigure;
  source: string;
  /** False when the year's budget predates the ledger (closed from its documents alone). */
  budgetHeld: boolean;
  closedAt: string;
}

/** One carry-forward, shown on both years' documents (it is one event, on the closing year's stream). */
export interface CarryForwardEntry {
  fromFinancialYear: string;
  toFinancialYear: string;
  amountPence: number;
  source: string;
  occurredAt: string;
}

export interface BudgetRevision {
  previousTotalPence: number;
  totalPence: number;
  reason: string;
  occurredAt: string;
}

/**
 * The facts of one budget's stream: an owner's financial year (`budget-wseb-2022-23`), or the
 * ledger partnership's (`budget-2022-23`, every budget recorded before owners). Derived figures (shortfall,
 * outstanding, shares) are worked out at read time by budget.summary.ts, so the rules for them can
 * change without a rebuild and this document stays a plain record of what was said.
 */
export interface BudgetYearDoc extends RecordRevision {
  kind: 'year';
  /** The board whose budget it is; null for the ledger's own partnership (src/funding/domain/budget-id.ts). */
  ownerId: string | null;
  financialYear: string;
  /** False only if a year's later events arrive without its budget-set (never, through the decider). */
  set: boolean;
  totalPence: number;
  lines: BudgetLine[];
  allocatedPence: number;
  unallocatedPence: number;
  setAt?: string;
  revisions: BudgetRevision[];
  /** In the order pledged. */
  pledges: PledgeEntry[];
  payments: PaymentEntry[];
  /** In the order raised. */
  invoices: InvoiceEntry[];
  /** In the order agreed; the last is the current one. */
  underwritings: UnderwritingEntry[];
  /** In the order recorded. */
  spending: SpendEntry[];
  closure?: YearCloseEntry;
  /** What this year carried into the next. */
  carriedOut?: CarryForwardEntry;
  /** What the previous year carried into this one. */
  broughtForward?: CarryForwardEntry;
  lastUpdate?: { type: string; occurredAt: string; recordedAt: string; actor: Actor; position: number };
}

/** A year is shown once anything is recorded of it: its budget, or only its close or carry-forward (a year before the ledger). */
export const isHeld = (doc: BudgetYearDoc): boolean =>
  doc.set || doc.closure !== undefined || doc.carriedOut !== undefined || doc.broughtForward !== undefined;

/** A partner's current name, to label contributions (joined at read time, like the action log's meeting -> board link). */
export interface PartnerNameDoc {
  kind: 'partner';
  partnerId: string;
  name?: string;
  /** Its successor (a CCG's ICB): underwriting it undertook is shown on the successor from this date. */
  succeededBy?: { successorId: string; effectiveFrom: string };
}

export type BudgetDoc = BudgetYearDoc | PartnerNameDoc;

export const YEAR_KEY_PREFIX = 'year:';
export const PARTNER_KEY_PREFIX = 'partner:';
/**
 * `year:2022-23` for the ledger partnership's budget (the key it always had), `year:wseb/2022-23` for
 * a board's: an owner's budgets share the prefix `year:wseb/`, so they list by owner, then year.
 */
export const yearKey = (financialYear: string, ownerId?: string | null) =>
  `${YEAR_KEY_PREFIX}${ownerId ? `${ownerId}/` : ''}${financialYear}`;
export const ownerKeyPrefix = (ownerId: string) => `${YEAR_KEY_PREFIX}${ownerId}/`;

/** The owner and year a year key names. */
export function keyedYear(key: string): { ownerId: string | null; financialYear: string } {
  const rest = key.slice(YEAR_KEY_PREFIX.length);
  const slash = rest.indexOf('/');
  return slash === -1
    ? { ownerId: null, financialYear: rest }
    : { ownerId: rest.slice(0, slash), financialYear: rest.slice(slash + 1) };
}
export const partnerKey = (partnerId: string) => `${PARTNER_KEY_PREFIX}${partnerId}`;
