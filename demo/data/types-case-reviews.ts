/** The demo case reviews (issue 16): each fact with where it comes from, or labelled illustrative. */
import type { BoardId, IsoDate } from './types-base';

/** The source documents (../shared/seeds) the demo data is derived from, by file name. */
export const SOURCE_DOCUMENTS = {
  wseb20220510: '000_64efb88b0888e5ea.txt',
  wseb20220922: '001_c61fdfe20dc690cb.txt',
  worcsScb20190313: '002_e4c9ba3f51106e75.txt',
  wscbAnnualReport201617: '003_3138b66d3f6a209c.txt',
  cabinetReport201920: '004_b85c101c21a9f075.txt',
} as const;
export type SourceDocument = (typeof SOURCE_DOCUMENTS)[keyof typeof SOURCE_DOCUMENTS];

/** A fact's source: the document's file name and where in it (item, section, line). */
export interface SourceRef {
  document: SourceDocument;
  where: string;
}

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
