/**
 * The case-reviews context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { CaseReview } from './domain/case-review';
export { ReviewActivity } from './domain/review-activity';
export type {
  ActivityCount,
  ActivityCite,
  ReviewActivityEvent,
  ReviewActivityRecorded,
} from './domain/review-activity.messages';
export { CASE_REVIEW_CITATIONS } from './domain/case-review-citations';
export {
  BRIEFING_FORMATS,
  CASE_REVIEW_TYPES,
  DELAY_REASONS,
  FINDING_KINDS,
  OPENING_TYPES,
  PANEL_RESPONSES,
  SUBJECT_RELATIONS,
  type BriefingFormat,
  type BriefingStatus,
  type CaseReviewCommand,
  type CaseReviewEvent,
  type CaseReviewState,
  type CaseReviewType,
  type DelayReason,
  type FindingKind,
  type PanelResponse,
} from './domain/case-review.messages';
export {
  STATUTORY_DEADLINES,
  deadlineRuleFor,
  type DeadlineMilestone,
  type DeadlineRule,
} from './domain/statutory-deadlines';
