import type { EscalationStatus } from '../../src/escalations/domain/escalation.messages';
import { businessDate } from '../calendar/business-date';
import type { EscalationView } from './stage-measure';

/** What a reader can ask the escalation trail for; every filter given must match (AND). */
export interface EscalationTrailQuery {
  /** The business date the trail is read at (YYYY-MM-DD): status, stage and breaches as they stood then. */
  asOf: string;
  /** Raised by or concerning this agency. */
  agency?: string;
  /** At this stage at asOf (for a resolved escalation: the stage it was resolved at). */
  stage?: number;
  status?: EscalationStatus;
  /** Any stage over its timescale by asOf (or none, with false). */
  breached?: boolean;
  /** Raised on or after this date. */
  from?: string;
  /** Raised on or before this date. */
  to?: string;
}

export const involves = (view: EscalationView, agency: string): boolean =>
  view.raisedByAgency === agency || view.concerningAgency === agency;

export function matchesQuery(view: EscalationView, q: EscalationTrailQuery): boolean {
  const raisedOn = businessDate(view.raisedAt!);
  if (q.agency !== undefined && !involves(view, q.agency)) return false;
  if (q.stage !== undefined && view.currentStage !== q.stage) return false;
  if (q.status !== undefined && view.status !== q.status) return false;
  if (q.breached !== undefined && view.breached !== q.breached) return false;
  if (q.from !== undefined && raisedOn < q.from) return false;
  if (q.to !== undefined && raisedOn > q.to) return false;
  return true;
}
