import { CASE_REVIEW_KEY_PREFIX, type CaseReviewDoc } from '../../../projections/case-reviews/case-review-doc';
import { caseReviewsProjection } from '../../../projections/case-reviews/case-reviews.projection';
import {
  matchingView,
  measure,
  type CaseReviewView,
  type CaseReviewsQuery,
} from '../../../projections/case-reviews/case-reviews.queries';
import type { ReadModelView } from '../as-of/as-of-answer';
import { MeasuredRecordReader, type MeasuredModel } from '../registry/measured-reader';
import type { StreamSpec } from '../sse/projection-streams';

/**
 * Reads the case review register from the live store or an as-of view (the same get/scan calls):
 * every review is measured at the date the caller gives, so days remaining and breaches are those
 * of that day, never of the day the projection ran.
 */
export const CASE_REVIEW_RECORDS: MeasuredModel<CaseReviewDoc, CaseReviewView, CaseReviewsQuery> = {
  projection: caseReviewsProjection.name,
  prefix: CASE_REVIEW_KEY_PREFIX,
  what: 'Case review',
  idField: 'caseReviewId',
  matchingView,
  measure,
};

/** The register's reader over the live store or an as-of view. */
export const caseReviewsReader = (store: ReadModelView) => new MeasuredRecordReader(CASE_REVIEW_RECORDS, store);

/** Each review as it is applied, measured at the day it is sent (`today`, from the injected clock). */
export const caseReviewDocuments = (today: () => string): StreamSpec<CaseReviewDoc> => ({
  projection: caseReviewsProjection,
  select: (_key, doc) => (doc.exists ? { type: 'case-review', data: measure(doc, today()) } : undefined),
});
