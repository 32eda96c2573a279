/** Shapes of money and activity figures, and of the escalation protocol. */
import type { BoardId, DecisionId, MeetingId, PartnerId, Pence, PersonId } from './types-base';
import type { SourceRef } from './types-case-reviews';

export interface BudgetLine {
  id: string;
  label: string;
  amountPence: Pence;
  /** True when the amount is computed (e.g. a remainder) rather than stated in the source. */
  derived: boolean;
  notes?: string;
}

/** A partner's commitment of money, e.g. to underwrite a shortfall. */
export interface FundingPledge {
  id: string;
  partnerId: PartnerId;
  kind: 'underwrite' | 'contribution';
  /** Maximum the partner commits ("up to"). */
  capPence: Pence;
  inPrinciple: boolean;
  decisionId: DecisionId;
  notes?: string;
  /** Where the minutes record it, and their words there (the board's collective agreement, or one person's). */
  source: SourceRef & { words: string };
  /**
   * The person the minutes name agreeing it for the partner, with the words that name them. Without
   * one the minutes record only the board's collective agreement, so a pledge loaded in a person's
   * name is labelled illustrative.
   */
  pledgedBy?: { personId: PersonId; words: string };
}

export interface FundingYear {
  id: string;
  boardId: BoardId;
  financialYear: string;
  budgetPence: Pence;
  lines: BudgetLine[];
  shortfallPence?: Pence;
  shortfallApproximate?: boolean;
  pledges: FundingPledge[];
  /** Money allocated by decisions out of the budget (e.g. training). */
  allocations: Array<{ id: string; label: string; amountPence: Pence; decisionId: DecisionId }>;
  sourceMeetingId: MeetingId;
  notes?: string[];
}

/** Carry-forward account for a year, as an annual report states it. */
export interface CarryForwardAccount {
  id: string;
  boardId: BoardId;
  financialYear: string;
  broughtForwardPence: Pence;
  spentPence: Pence;
  spendComponents: Array<{ label: string; amountPence: Pence }>;
  carriedForwardPence: Pence;
  otherFigures: Array<{ label: string; amountPence: Pence; notes?: string }>;
  source: string;
  notes?: string[];
}

/** Case-review activity figures reported for a year. */
export interface ReviewActivity {
  id: string;
  boardId: BoardId;
  period: string;
  /** The day the figures were reported (the loader records them then). */
  reportedOn: string;
  referrals: { total: number; adult: number; children: number };
  rapidReviews: { total: number; adult: number; children: number; statedElsewhere?: number };
  fullReviews: { total: number; adult: number; children: number; joint: number };
  source: string;
  /** Where each figure is in its document (issue 16: every fact traceable). */
  cites: SourceRef[];
  notes?: string[];
}

export interface EscalationStage {
  stage: number;
  name: string;
  /** Who talks to whom at this stage. */
  who: string;
  /** Working days allowed to resolve at this stage before moving on. */
  timescaleWorkingDays: number;
  /** True when not taken from the sources. */
  assumed: boolean;
}

export interface EscalationProtocol {
  id: string;
  boardId: BoardId;
  title: string;
  stages: EscalationStage[];
  /** Facts the sources do give about the protocol. */
  sourcedFacts: string[];
  /** True when the stage structure is an assumption rather than from the sources. */
  stagesAssumed: boolean;
  adoptedByDecisionIds: DecisionId[];
  /** Named route for a partner's escalations, where agreed. */
  routes: Array<{ partnerId: PartnerId; toPersonId: PersonId; decisionId: DecisionId }>;
}
