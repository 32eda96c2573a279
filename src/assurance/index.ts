/**
 * The assurance context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { ThematicReview } from './domain/thematic-review';
export {
  PLAN_STATUSES,
  type PlanStatus,
  type ThematicReviewCommand,
  type ThematicReviewEvent,
  type ThematicReviewState,
} from './domain/thematic-review.messages';
export { MultiAgencyAudit } from './domain/multi-agency-audit';
export {
  type MultiAgencyAuditCommand,
  type MultiAgencyAuditEvent,
  type MultiAgencyAuditState,
} from './domain/multi-agency-audit.messages';
export { AUDIT_CITATIONS, THEMATIC_REVIEW_CITATIONS } from './domain/assurance-citations';
