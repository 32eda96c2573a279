/** The decision's commands, events and state: what its decider (decision.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';
import type { Pence } from '../../shared/money';
import type { ServedRecord } from '../../shared/serves';

export const DECISION_OUTCOMES = [
  'approved',
  'endorsed',
  'agreed',
  'accepted',
  'noted',
  'approved-in-principle',
  'rejected',
  'deferred',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** A condition the decision was made subject to, e.g. "subject to the changes agreed". */
export interface DecisionCondition {
  conditionId: string;
  text: string;
}

export interface DecisionRecord {
  decisionId: string;
  meetingId: string;
  itemNumber: number;
  outcome: DecisionOutcome;
  text: string;
  conditions: DecisionCondition[];
  budgetPence?: Pence;
  responsiblePartnerIds: string[];
  /** What the decision is made for (a case review, its recommendation...): absent on decisions before issue 16. */
  serves?: ServedRecord[];
}

export type DecisionEvent =
  | DomainEvent<'decision-recorded', DecisionRecord>
  | DomainEvent<'decision-condition-satisfied', { decisionId: string; conditionId: string; note?: string }>
  | DomainEvent<'decision-rescinded', { decisionId: string; reason: string }>
  | DomainEvent<'decision-superseded', { decisionId: string; supersededByDecisionId: string; reason: string }>;

/**
 * Facts about other aggregates, read by the handler and handed in so the decider stays pure:
 * the meeting (open or closed, and its agenda item numbers) and which responsible partners are not registered.
 */
export interface RecordDecisionFacts {
  meeting: { exists: boolean; closed: boolean; itemNumbers: number[] };
  unregisteredPartnerIds: string[];
  /** Cited records the SERVED_RECORDS port could not find. */
  missingServed: ServedRecord[];
}

export type DecisionCommand =
  | DomainCommand<
      'record-decision',
      Omit<DecisionRecord, 'conditions' | 'responsiblePartnerIds'> & {
        conditions?: DecisionCondition[];
        responsiblePartnerIds?: string[];
      } & RecordDecisionFacts
    >
  | DomainCommand<'satisfy-decision-condition', { decisionId: string; conditionId: string; note?: string }>
  | DomainCommand<'rescind-decision', { decisionId: string; reason: string }>
  | DomainCommand<
      'supersede-decision',
      { decisionId: string; supersededByDecisionId: string; reason: string; supersedingExists: boolean }
    >;

export type DecisionStatus = 'in-force' | 'rescinded' | 'superseded';

export interface DecisionState {
  exists: boolean;
  status: DecisionStatus;
  /** Condition id -> whether it has been satisfied. */
  conditions: Record<string, { text: string; satisfied: boolean }>;
}
