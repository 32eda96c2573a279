import type { ReviewActivityRecorded } from '../../src/case-reviews';
import type { RecordTrail } from '../partners/record-history';

/** A board's review activity for a reporting year (YYYY-YY), as its annual report states it: the recorded counts, cited. */
export interface ReviewActivityDoc extends RecordTrail, ReviewActivityRecorded {
  exists: boolean;
}

export const REVIEW_ACTIVITY_KEY_PREFIX = 'review-activity:';
export const reviewActivityKey = (activityId: string) => `${REVIEW_ACTIVITY_KEY_PREFIX}${activityId}`;

/** What a reader can ask the review activity register for; every filter given must match. */
export interface ReviewActivityQuery {
  boardId?: string;
  period?: string;
}

export function matchesReviewActivity(doc: ReviewActivityDoc, q: ReviewActivityQuery): boolean {
  if (!doc.exists) return false;
  if (q.boardId !== undefined && doc.boardId !== q.boardId) return false;
  if (q.period !== undefined && doc.period !== q.period) return false;
  return true;
}
