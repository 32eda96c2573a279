import type { BoardKind } from '../../src/partners';
import type { BoardDoc } from './board-doc';

/** What a reader can ask the boards register for; every filter given must match (AND). */
export interface BoardsQuery {
  kind?: BoardKind;
  /** Groups that report to this board. */
  parentBoardId?: string;
}

export function matchesBoard(doc: BoardDoc, q: BoardsQuery): boolean {
  if (!doc.exists) return false;
  if (q.kind !== undefined && doc.kind !== q.kind) return false;
  if (q.parentBoardId !== undefined && doc.parentBoardId !== q.parentBoardId) return false;
  return true;
}
