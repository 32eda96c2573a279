import { registryAsOfController } from '../registry/registry-as-of.controller';
import { REVIEW_ACTIVITY, reviewActivityQuery } from './review-activity-model';
import { AsOfReviewActivityQueryDto } from './review-activity-query.dto';
import {
  ReviewActivityAsOfDto,
  ReviewActivityHistoryAsOfDto,
  ReviewActivityPageAsOfDto,
} from './review-activity-responses.dto';

/** Review activity as it stood at a past point of the log (knownAt) and business date (validAt). */
export const ReviewActivityAsOfController = registryAsOfController({
  name: 'ReviewActivityAsOfController',
  tag: 'review-activity',
  path: 'review-activity',
  idParam: 'activityId',
  model: REVIEW_ACTIVITY,
  query: { dto: AsOfReviewActivityQueryDto, filters: reviewActivityQuery },
  notFound: 'review-activity-not-found: no such record had been made by then',
  list: {
    operationId: 'listReviewActivityAsOf',
    summary: 'Review activity as known at knownAt and true at validAt; same filters and paging as listReviewActivity',
    type: ReviewActivityPageAsOfDto,
  },
  get: {
    operationId: 'getReviewActivityAsOf',
    summary: 'One review activity record as known at knownAt and true at validAt',
    type: ReviewActivityAsOfDto,
  },
  history: {
    operationId: 'getReviewActivityHistoryAsOf',
    summary: "The record's history as known at knownAt, of what had happened by validAt",
    type: ReviewActivityHistoryAsOfDto,
  },
});
