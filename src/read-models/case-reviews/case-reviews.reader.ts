import {
  CASE_REVIEW_KEY_PREFIX,
  caseReviewKey,
  type CaseReviewDoc,
} from '../../../projections/case-reviews/case-review-doc';
import { caseReviewsProjection } from '../../../projections/case-reviews/case-reviews.projection';
import {
  matchingView,
  measure,
  type CaseReviewView,
  type CaseReviewsQuery,
} from '../../../projections/case-reviews/case-reviews.queries';
import type { RecordHistoryEntry } from '../../../projections/partners/record-history';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';
import type { StreamSpec } from '../sse/projection-streams';

const NAME = caseReviewsProjection.name;

/**
 * Reads the case review register from the live store or an as-of view (the same get/scan calls):
 * every review is measured at the date the caller gives, so days remaining and breaches are those
 * of that day, never of the day the projection ran.
 */
export class CaseReviewsReader {
  constructor(private readonly store: ReadModelView) {}

  list(query: CaseReviewsQuery, limit: number, cursor?: string): Page<CaseReviewView> {
    return documentPage<CaseReviewDoc, CaseReviewView>(
      this.store,
      NAME,
      CASE_REVIEW_KEY_PREFIX,
      { limit, cursor },
      (doc) => matchingView(doc, query),
    );
  }

  get(caseReviewId: string, measuredOn: string): CaseReviewView {
    return measure(this.record(caseReviewId), measuredOn);
  }

  history(caseReviewId: string): { caseReviewId: string; entries: RecordHistoryEntry[] } {
    return { caseReviewId, entries: this.record(caseReviewId).history };
  }

  private record(caseReviewId: string): CaseReviewDoc {
    const doc = this.store.get<CaseReviewDoc>(NAME, caseReviewKey(caseReviewId));
    if (!doc?.exists) throw new NotFound('Case review', caseReviewId);
    return doc;
  }
}

/** Each review as it is applied, measured at the day it is sent (`today`, from the injected clock). */
export const caseReviewDocuments = (today: () => string): StreamSpec<CaseReviewDoc> => ({
  projection: caseReviewsProjection,
  select: (_key, doc) => (doc.exists ? { type: 'case-review', data: measure(doc, today()) } : undefined),
});
