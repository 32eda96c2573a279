import { measuredRegisterAsOfController } from '../registry/measured-register.controller';
import { AsOfCaseReviewsQueryDto } from './case-reviews-query.dto';
import { CaseReviewAsOfDto, CaseReviewHistoryAsOfDto, CaseReviewPageAsOfDto } from './case-reviews-responses.dto';
import { CASE_REVIEWS } from './case-reviews.controller';

/**
 * The register as it stood at a past position or date: what had been recorded by then, its clocks
 * measured at measuredOn or, by default, at that point's own date (a position: the day it was recorded).
 */
export const CaseReviewsAsOfController = measuredRegisterAsOfController({
  ...CASE_REVIEWS,
  name: 'CaseReviewsAsOfController',
  dto: AsOfCaseReviewsQueryDto,
  notFound: 'case-review-not-found: no such review had been opened by then',
  list: {
    operationId: 'listCaseReviewsAsOf',
    summary:
      'The case review register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listCaseReviews',
    type: CaseReviewPageAsOfDto,
  },
  get: {
    operationId: 'getCaseReviewAsOf',
    summary: 'One case review as known at knownAt (recording time) and true at validAt (business time)',
    type: CaseReviewAsOfDto,
  },
  history: {
    operationId: 'getCaseReviewHistoryAsOf',
    summary: "The review's history as known at knownAt, of what had happened by validAt",
    type: CaseReviewHistoryAsOfDto,
  },
});
