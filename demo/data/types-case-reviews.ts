/** The demo case reviews (issue 16): each fact with where it comes from, or labelled illustrative. */
import type { BoardId, IsoDate } from './types-base';

import type { SourceRef } from './sources';

export { SOURCE_DOCUMENTS, type SourceDocument, type SourceRef } from './sources';

/**
 * A value the register needs that no source document gives (a date, a reason): recorded so the
 * lifecycle can be entered, and labelled. `fields` names the body fields it covers; any of them
 * that is text starts with "(illustrative)" in the ledger too.
 */
export interface Illustrative {
  illustrative: string;
  fields: string[];
}

export type Provenance = SourceRef | Illustrative;

/** One command of a review's lifecycle: POST /case-reviews/{id}/{path} (the opening: path ''), on a business date. */
export interface CaseReviewStep {
  path: string;
  on: IsoDate;
  body: Record<string, unknown>;
  from: Provenance[];
}

export interface DemoCaseReview {
  id: string;
  boardId: BoardId;
  /** In the order the API takes them: open first. */
  steps: CaseReviewStep[];
  notes?: string[];
}
