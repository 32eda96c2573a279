import type { CaseReviewType } from '../../src/case-reviews';
import type { CaseReviewDoc } from './case-review-doc';
import { measureDeadlines, type DeadlineView } from './deadlines';

/** Where a review stands in its lifecycle, from its recorded facts. */
export const CASE_REVIEW_STATUSES = [
  'notification-due',
  'rapid-review-due',
  'awaiting-decision',
  'no-review-commissioned',
  'commissioned',
  'in-review',
  'drafting',
  'in-sign-off',
  'publication-delayed',
  'published',
] as const;
export type CaseReviewStatus = (typeof CASE_REVIEW_STATUSES)[number];

export function statusOf(doc: CaseReviewDoc): CaseReviewStatus {
  if (doc.publication) return 'published';
  if (doc.commissioning && !doc.commissioning.commission) return 'no-review-commissioned';
  if (doc.delays.length > 0) return 'publication-delayed';
  if (doc.signoffIds.length > 0) return 'in-sign-off';
  if (doc.drafts.length > 0) return 'drafting';
  if (doc.reviewer) return 'in-review';
  if (doc.commissioning) return 'commissioned';
  if (doc.type !== 'rapid-review' || doc.rapidReview) return 'awaiting-decision';
  return doc.notifiedOn ? 'rapid-review-due' : 'notification-due';
}

/** A review as the register shows it at a measuring date: its facts, status and every statutory clock. */
export type CaseReviewView = Omit<CaseReviewDoc, 'exists' | 'history'> & {
  measuredOn: string;
  status: CaseReviewStatus;
  deadlines: DeadlineView[];
  breached: boolean;
};

export function measure(doc: CaseReviewDoc, on: string): CaseReviewView {
  const { exists: _exists, history: _history, ...facts } = doc;
  const deadlines = measureDeadlines(doc, on);
  return {
    ...facts,
    measuredOn: on,
    status: statusOf(doc),
    deadlines,
    breached: deadlines.some((d) => d.status === 'breached'),
  };
}

/** What a reader can ask the register for; every filter given must match (AND). */
export interface CaseReviewsQuery {
  measuredOn: string;
  type?: CaseReviewType;
  status?: CaseReviewStatus;
  breached?: boolean;
}

/** The review measured at the query's date when it matches every filter, else undefined. */
export function matchingView(doc: CaseReviewDoc, q: CaseReviewsQuery): CaseReviewView | undefined {
  if (!doc.exists) return undefined;
  if (q.type !== undefined && doc.type !== q.type) return undefined;
  const view = measure(doc, q.measuredOn);
  if (q.status !== undefined && view.status !== q.status) return undefined;
  if (q.breached !== undefined && view.breached !== q.breached) return undefined;
  return view;
}
