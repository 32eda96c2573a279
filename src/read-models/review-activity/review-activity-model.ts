import {
  matchesReviewActivity,
  REVIEW_ACTIVITY_KEY_PREFIX,
  type ReviewActivityDoc,
  type ReviewActivityQuery,
} from '../../../projections/review-activity/review-activity-doc';
import { reviewActivityProjection } from '../../../projections/review-activity/review-activity.projection';
import { recordView, type RegistryModel } from '../registry/record-reader';
import type { StreamSpec } from '../sse/projection-streams';
import type { ReviewActivityQueryDto } from './review-activity-query.dto';

/** Review activity by reporting year on the shared registry reader: list, one record, history, SSE, as-of. */
export const REVIEW_ACTIVITY: RegistryModel<ReviewActivityDoc, ReviewActivityQuery> = {
  projection: reviewActivityProjection.name,
  prefix: REVIEW_ACTIVITY_KEY_PREFIX,
  what: 'Review activity',
  matches: matchesReviewActivity,
};

export const reviewActivityQuery = (q: ReviewActivityQueryDto): ReviewActivityQuery => ({
  boardId: q.board,
  period: q.period,
});

export const reviewActivityDocuments: StreamSpec<ReviewActivityDoc> = {
  projection: reviewActivityProjection,
  select: (_key, doc) => (doc.exists ? { type: 'review-activity', data: recordView(doc) } : undefined),
};
