import type { AuditDoc } from './audit-doc';
import type { ThematicReviewDoc } from './thematic-review-doc';

/** What a reader can ask either register for; every filter given must match (AND). */
export interface AssuranceQuery {
  /** Open (not yet completed or closed), or done. */
  open?: boolean;
  /** Only records a finding went to (thematic reviews) or a return was asked of (audits). */
  partnerId?: string;
}

export function matchesThematicReview(doc: ThematicReviewDoc, q: AssuranceQuery): boolean {
  if (!doc.exists) return false;
  if (q.open !== undefined && (doc.completion === undefined) !== q.open) return false;
  if (q.partnerId !== undefined && !doc.plans.some((p) => p.partnerId === q.partnerId)) return false;
  return true;
}

export function matchesAudit(doc: AuditDoc, q: AssuranceQuery): boolean {
  if (!doc.exists) return false;
  if (q.open !== undefined && (doc.closure === undefined) !== q.open) return false;
  if (q.partnerId !== undefined && !doc.partners.some((p) => p.partnerId === q.partnerId)) return false;
  return true;
}
