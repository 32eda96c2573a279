/** The demo thematic reviews and multi-agency audits (issue 16 item 5): each fact with its document and place. */
import type { BoardId, IsoDate } from './types-base';

/** Where a fact is: the source document's file name (../shared/seeds) and the item, section or page in it. */
export interface AssuranceCitation {
  file: string;
  where: string;
}

/**
 * One command of a review's or audit's life: POST {collection}/{id}/{path} (the opening: path ''),
 * on a business date. `cites` says where its facts are; a value no document gives is left out, or
 * labelled "(illustrative)" in the record's own text.
 */
export interface AssuranceStep {
  path: string;
  on: IsoDate;
  body: Record<string, unknown>;
  cites: AssuranceCitation[];
}

export interface DemoAssuranceRecord {
  kind: 'thematic-review' | 'multi-agency-audit';
  id: string;
  boardId: BoardId;
  /** In the order the API takes them: open first. */
  steps: AssuranceStep[];
  /** What the documents record that the register does not hold, and why. */
  notes?: string[];
}
