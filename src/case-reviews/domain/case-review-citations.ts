import type { CitableSource } from '../../ledger/served-records.port';
import type { ServedRecord } from '../../shared/serves';
import { CaseReview } from './case-review';
import type { CaseReviewEvent, CaseReviewState } from './case-review.messages';

/** The kind of entry a finding id must be, by the kind a citation names. */
const FINDING_KIND = { 'case-review-finding': 'finding', 'case-review-recommendation': 'recommendation' } as const;

/**
 * What an action, decision or sign-off may cite of a case review: the review itself, or one of its
 * findings or recommendations (named with the review as parentId), of that kind.
 */
export const CASE_REVIEW_CITATIONS: CitableSource<CaseReviewEvent, CaseReviewState> = {
  kinds: ['case-review', 'case-review-finding', 'case-review-recommendation'],
  aggregate: CaseReview,
  streamIdOf: (record: ServedRecord) => (record.kind === 'case-review' ? record.id : (record.parentId ?? record.id)),
  holds(state, record) {
    if (!state.exists) return false;
    if (record.kind === 'case-review') return record.parentId === undefined;
    const kind = FINDING_KIND[record.kind as keyof typeof FINDING_KIND];
    return record.parentId !== undefined && state.findingKinds[record.id] === kind;
  },
};
