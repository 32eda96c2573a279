import type { RiskCategory } from '../../src/risks';
import type { RecordTrail, Stamp } from '../partners/record-history';

/** One scoring: on the day the risk was recorded, then each rescoring. score = likelihood x impact. */
export interface RiskScore {
  scoredOn: string;
  likelihood: number;
  impact: number;
  score: number;
  /** Why it was rescored (absent on the first scoring). */
  reason?: string;
}

export interface RiskControl {
  controlId: string;
  description: string;
  addedOn: string;
  removedOn?: string;
  removalReason?: string;
}

export interface RiskReview {
  reviewedOn: string;
  outcome: string;
  meetingId?: string;
  nextReviewDue?: string;
}

export interface RiskEscalation {
  escalatedOn: string;
  boardId: string;
  meetingId?: string;
  reason: string;
}

/**
 * One risk as recorded, with every score, control, review and escalation in the order they were
 * keyed. The current score and whether a review is overdue are not stored: they depend on the day
 * the register is read at, so the read side measures them (risks.queries.ts).
 */
export interface RiskDoc extends RecordTrail {
  riskId: string;
  exists: boolean;
  ownerPartnerId: string;
  category?: RiskCategory;
  title: string;
  description: string;
  identifiedOn?: string;
  /** The review date set when the risk was recorded (later reviews set the next one). */
  firstReviewDue?: string;
  scores: RiskScore[];
  controls: RiskControl[];
  reviews: RiskReview[];
  escalations: RiskEscalation[];
  closure?: { closedOn: string; reason: string };
  lastChange?: Stamp;
}

export const RISK_KEY_PREFIX = 'risk:';
export const riskKey = (riskId: string) => `${RISK_KEY_PREFIX}${riskId}`;
