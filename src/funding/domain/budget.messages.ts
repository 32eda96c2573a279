import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';
import type { Pence } from '../../shared/money';

/** 'up-to' is a cap: the partner commits at most this much. */
export const PLEDGE_BASES = ['agreed', 'in-principle', 'up-to'] as const;
export type PledgeBasis = (typeof PLEDGE_BASES)[number];

export const UNDERWRITING_METHODS = ['equal', 'proportional', 'fixed-caps'] as const;
export type UnderwritingMethod = (typeof UNDERWRITING_METHODS)[number];

export const UNDERWRITING_BASES = ['agreed', 'in-principle'] as const;
export type UnderwritingBasis = (typeof UNDERWRITING_BASES)[number];

export interface BudgetLine {
  lineId: string;
  name: string;
  amountPence: Pence;
}
export interface UnderwritingShare {
  partnerId: string;
  sharePence: Pence;
  weight?: number;
  capPence?: Pence;
}

/** Lines need not sum to the total: the rest is reported as unallocated (e.g. staffing not broken down yet). */
interface BudgetFigures {
  financialYear: string;
  totalPence: Pence;
  lines: BudgetLine[];
  allocatedPence: Pence;
  unallocatedPence: Pence;
}

/** A pledge as recorded; the command asks for it with the partner lookup's fact beside it. */
interface Pledge {
  financialYear: string;
  pledgeId: string;
  partnerId: string;
  amountPence: Pence;
  basis: PledgeBasis;
  /** Where the pledge is recorded (minutes, item, words) and what of it is illustrative. */
  source?: string;
}

/** A payment as recorded (pledgeId when it is counted against a pledge); the command adds the lookup's fact. */
interface Payment {
  financialYear: string;
  paymentId: string;
  partnerId: string;
  amountPence: Pence;
  receivedOn: string;
  pledgeId?: string;
}

/** An invoice raised to a partner for its contribution (money asked for; payment-received is money in). */
export interface Invoice {
  financialYear: string;
  invoiceId: string;
  partnerId: string;
  amountPence: Pence;
  raisedOn: string;
  /** The invoice's own number or reference, as the finance system issued it. */
  reference: string;
}

export const SPENDING_KINDS = ['commitment', 'actual'] as const;
/** A commitment is money promised (an order, a commissioned review); an actual spend is money paid out. */
export type SpendingKind = (typeof SPENDING_KINDS)[number];

/** Records a spend can be for (e.g. the case review whose cost it is against the reviews line). */
export const SPENDING_REFERENCE_KINDS = [
  'case-review',
  'thematic-review',
  'multi-agency-audit',
  'inspection',
  'meeting',
  'decision',
  'action',
] as const;
export type SpendingReferenceKind = (typeof SPENDING_REFERENCE_KINDS)[number];

/** The record a spend is for, checked to exist by the handler. */
export interface SpendingReference {
  kind: SpendingReferenceKind;
  id: string;
}

/** One spend against a budget line; an actual spend may settle an earlier commitment on the same line. */
export interface Spending {
  financialYear: string;
  spendId: string;
  kind: SpendingKind;
  lineId: string;
  amountPence: Pence;
  spentOn: string;
  description: string;
  reference?: SpendingReference;
  settlesCommitmentId?: string;
}

/** A figure as a closing document states it, with the parts it lists (kept even when they do not add up). */
export interface StatedFigure {
  statedPence: Pence;
  parts: { label: string; amountPence: Pence }[];
}

/**
 * A year's close: its outturn as stated and, where the year drew on money carried into it, what the
 * document says was spent of that; `source` cites the document the figures are taken from.
 */
export interface YearClose {
  financialYear: string;
  outturn?: StatedFigure;
  carryForwardSpent?: StatedFigure;
  source: string;
}

/** Facts the handler read from the partner's stream. */
interface PartnerFact {
  partnerExists: boolean;
}

/**
 * Whose budget it is: a registered board's (a partnership board or an executive board, `ownerId`), or,
 * with no owner, the ledger's own partnership. Every budget recorded before budgets were keyed by
 * owner has none (its stream is `budget-2022-23`); an owned one is `budget-<ownerId>-2022-23`
 * (budget-id.ts). Every command and event of an owned budget carries its owner.
 */
export interface BudgetOwner {
  ownerId?: string;
}

/**
 * The fact a command that may begin a budget's stream needs when it names an owner, loaded by its
 * handler: the owner must be a registered board (without it, an owner is refused as unregistered).
 */
interface OwnerFact {
  ownerExists?: boolean;
}

type Owned<E> = E extends DomainEvent<infer T, infer D> ? DomainEvent<T, D & BudgetOwner> : never;
type OwnedCommand<C> = C extends DomainCommand<infer T, infer D> ? DomainCommand<T, D & BudgetOwner> : never;

export type BudgetEvent = Owned<YearEvent>;

type YearEvent =
  | DomainEvent<'budget-set', BudgetFigures>
  | DomainEvent<'budget-revised', BudgetFigures & { previousTotalPence: Pence; reason: string }>
  | DomainEvent<'contribution-pledged', Pledge>
  | DomainEvent<
      'pledge-amended',
      {
        financialYear: string;
        pledgeId: string;
        partnerId: string;
        amountPence: Pence;
        basis: PledgeBasis;
        previousAmountPence: Pence;
        previousBasis: PledgeBasis;
        reason: string;
      }
    >
  | DomainEvent<
      'pledge-withdrawn',
      { financialYear: string; pledgeId: string; partnerId: string; amountPence: Pence; reason: string }
    >
  | DomainEvent<'payment-received', Payment>
  | DomainEvent<'invoice-raised', Invoice>
  | DomainEvent<
      'shortfall-underwriting-agreed',
      {
        financialYear: string;
        underwritingId: string;
        shortfallPence: Pence;
        method: UnderwritingMethod;
        basis: UnderwritingBasis;
        shares: UnderwritingShare[];
        coveredPence: Pence;
        uncoveredPence: Pence;
      }
    >
  | DomainEvent<'spending-recorded', Spending>
  | DomainEvent<'year-closed', YearClose & { budgetHeld: boolean }>
  | DomainEvent<
      'carried-forward',
      { financialYear: string; toFinancialYear: string; amountPence: Pence; source: string; yearHeld: boolean }
    >;

export interface UnderwriteShortfallData {
  financialYear: string;
  underwritingId: string;
  shortfallPence: Pence;
  partnerIds: string[];
  method: UnderwritingMethod;
  weights?: number[];
  capsPence?: Pence[];
  basis: UnderwritingBasis;
  /** Facts the handler read from the partner streams. */
  unregisteredPartnerIds: string[];
}

export type BudgetCommand = OwnedCommand<YearCommand>;

type YearCommand =
  | DomainCommand<'set-budget', { financialYear: string; totalPence: Pence; lines: BudgetLine[] } & OwnerFact>
  | DomainCommand<'revise-budget', { financialYear: string; totalPence: Pence; lines: BudgetLine[]; reason: string }>
  | DomainCommand<'pledge-contribution', Pledge & PartnerFact>
  | DomainCommand<
      'amend-pledge',
      { financialYear: string; pledgeId: string; amountPence: Pence; basis: PledgeBasis; reason: string }
    >
  | DomainCommand<'withdraw-pledge', { financialYear: string; pledgeId: string; reason: string }>
  | DomainCommand<'record-payment', Payment & PartnerFact>
  | DomainCommand<'raise-invoice', Invoice & PartnerFact>
  | DomainCommand<'underwrite-shortfall', UnderwriteShortfallData>
  | DomainCommand<'record-spending', Spending & { referenceExists: boolean }>
  | DomainCommand<'close-year', YearClose & { facts: YearEndFacts } & OwnerFact>
  | DomainCommand<
      'carry-forward',
      { financialYear: string; amountPence: Pence; source: string; facts: YearEndFacts } & OwnerFact
    >;

/** The day a year-end command is decided on (its business date), from the handler: a year ends before it closes. */
export interface YearEndFacts {
  decidedOn: string;
}

export interface PledgeState {
  partnerId: string;
  amountPence: Pence;
  basis: PledgeBasis;
  withdrawn: boolean;
  paidPence: Pence;
}

export interface BudgetState {
  set: boolean;
  financialYear?: string;
  totalPence: Pence;
  lines: BudgetLine[];
  pledges: Record<string, PledgeState>;
  paymentIds: string[];
  invoiceIds: string[];
  underwritingIds: string[];
  spending: Record<string, { kind: SpendingKind; lineId: string }>;
  closed: boolean;
  carriedForward: boolean;
}

export const initialBudgetState: BudgetState = {
  set: false,
  totalPence: 0,
  lines: [],
  pledges: {},
  paymentIds: [],
  invoiceIds: [],
  underwritingIds: [],
  spending: {},
  closed: false,
  carriedForward: false,
};
