import { registryController } from '../registry/registry.controller';
import { REVIEW_ACTIVITY, reviewActivityDocuments, reviewActivityQuery } from './review-activity-model';
import { ReviewActivityQueryDto } from './review-activity-query.dto';
import { ReviewActivityDto, ReviewActivityHistoryDto, ReviewActivityPageDto } from './review-activity-responses.dto';

/** Review activity by reporting year, as the projection has applied it (eventually consistent with the ledger). */
export const ReviewActivityController = registryController({
  name: 'ReviewActivityController',
  tag: 'review-activity',
  path: 'review-activity',
  idParam: 'activityId',
  model: REVIEW_ACTIVITY,
  query: { dto: ReviewActivityQueryDto, filters: reviewActivityQuery },
  notFound: 'review-activity-not-found',
  list: {
    operationId: 'listReviewActivity',
    summary: "Boards' review activity by reporting year (referrals, rapid and full reviews); filter by board or year",
    type: ReviewActivityPageDto,
  },
  stream: {
    operationId: 'streamReviewActivity',
    summary: 'Server-Sent Events: each review activity record as it is applied (event "review-activity")',
    events: { 'review-activity': ReviewActivityDto },
    documents: reviewActivityDocuments,
  },
  get: {
    operationId: 'getReviewActivity',
    summary: "One board's review activity for a reporting year, with the figures stated elsewhere and the citations",
    type: ReviewActivityDto,
  },
  history: {
    operationId: 'getReviewActivityHistory',
    summary: "The record's events in ledger order: what, when, who, where to verify it",
    type: ReviewActivityHistoryDto,
  },
});
