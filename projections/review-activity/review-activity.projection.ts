import { ReviewActivity } from '../../src/case-reviews';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { historyEntry, stampOf } from '../partners/record-history';
import { subscribe, type SubscribedProjection } from '../subscription';
import { REVIEW_ACTIVITY_KEY_PREFIX, reviewActivityKey, type ReviewActivityDoc } from './review-activity-doc';

const activity = subscribe(ReviewActivity, { 'review-activity-recorded': 'handled' });

const none = { total: 0 };
const newActivity = (activityId: string): ReviewActivityDoc => ({
  activityId,
  exists: false,
  boardId: '',
  period: '',
  referrals: none,
  rapidReviews: none,
  fullReviews: none,
  source: '',
  cites: [],
  notes: [],
  revision: -1,
  history: [],
});

const phrase = ({ total, statedElsewhere }: { total: number; statedElsewhere?: number }) =>
  `${total}${statedElsewhere !== undefined ? ` (${statedElsewhere} stated elsewhere)` : ''}`;

/** Recorded once: the document is the event's figures, stamped, with one history line. */
function evolve(doc: ReviewActivityDoc, stored: StoredEvent): ReviewActivityDoc {
  const event = activity.decode(stored);
  const { referrals, rapidReviews, fullReviews, period, boardId } = event.data;
  const summary =
    `Review activity ${period} for ${boardId}: ${phrase(referrals)} referrals, ` +
    `${phrase(rapidReviews)} rapid reviews, ${phrase(fullReviews)} full reviews`;
  return {
    ...doc,
    ...event.data,
    exists: true,
    revision: event.revision,
    registered: stampOf(event),
    history: [...doc.history, historyEntry(event, summary)],
  };
}

/** Review activity by reporting year: a board's referrals, rapid and full reviews as its annual report states them. */
export const reviewActivityProjection: SubscribedProjection<ReviewActivityDoc> = {
  name: 'review-activity',
  version: 1,
  subscriptions: [activity],
  canHandle: activity.takes,
  keysOf: (stored) => [reviewActivityKey(activity.decode(stored).data.activityId)],
  initialState: (key) => newActivity(key.slice(REVIEW_ACTIVITY_KEY_PREFIX.length)),
  evolve,
};
