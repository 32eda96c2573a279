import { caseReviewsProjection } from '../../../projections/case-reviews/case-reviews.projection';
import { calendarDates } from '../escalations/escalation-trail-dates';
import { measuredRegisterController, type MeasuredRegister } from '../registry/measured-register.controller';
import { caseReviewsQuery, CaseReviewsQueryDto } from './case-reviews-query.dto';
import { CaseReviewDto, CaseReviewHistoryDto, CaseReviewPageDto } from './case-reviews-responses.dto';
import { caseReviewDocuments, caseReviewsReader } from './case-reviews.reader';

/** The register live and as-of: deadlines in working days are counted on the bank holiday calendar. */
export const CASE_REVIEWS: MeasuredRegister<ReturnType<typeof caseReviewsQuery>, CaseReviewsQueryDto> = {
  tag: 'case-reviews',
  path: 'case-reviews',
  idParam: 'caseReviewId',
  projection: caseReviewsProjection,
  reader: caseReviewsReader,
  query: caseReviewsQuery,
  /** 400 date-outside-calendar beyond the bank holiday table. */
  measuredOn: (date) => calendarDates({ measuredOn: date }).measuredOn!,
};

const BAD_QUERY =
  'A filter, measuredOn or the cursor is invalid (validation-failed, date-outside-calendar, invalid-cursor)';

/**
 * The case review register inspectors trace: each review's lifecycle and its statutory deadlines in
 * working days (England and Wales) and months, measured at measuredOn (default: today, from the
 * injected clock). Eventually consistent with the ledger.
 */
export const CaseReviewsController = measuredRegisterController({
  ...CASE_REVIEWS,
  name: 'CaseReviewsController',
  dto: CaseReviewsQueryDto,
  badQuery: BAD_QUERY,
  notFound: 'case-review-not-found',
  list: {
    operationId: 'listCaseReviews',
    summary:
      'Case reviews with their status and statutory deadlines at measuredOn; filter by type, status or breached; cursor paging',
    type: CaseReviewPageDto,
  },
  stream: {
    operationId: 'streamCaseReviews',
    summary:
      'Server-Sent Events: each case review as it is applied (event "case-review", id = ledger position), measured on the day it is sent',
    events: { 'case-review': CaseReviewDto },
    documents: caseReviewDocuments,
  },
  get: {
    operationId: 'getCaseReview',
    summary:
      'One case review: notification, rapid review, Panel, commissioning, drafts, sign-off, publication or delay, findings, briefings, and its deadlines at measuredOn',
    type: CaseReviewDto,
  },
  history: {
    operationId: 'getCaseReviewHistory',
    summary: "The review's events in ledger order: what, when, who, where to verify it",
    type: CaseReviewHistoryDto,
  },
});
