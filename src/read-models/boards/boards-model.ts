import { BOARD_KEY_PREFIX, type BoardDoc } from '../../../projections/boards/board-doc';
import { boardsProjection } from '../../../projections/boards/boards.projection';
import { matchesBoard, type BoardsQuery } from '../../../projections/boards/boards.queries';
import type { RegistryModel } from '../registry/record-reader';
import type { StreamSpec } from '../sse/projection-streams';
import type { BoardsQueryDto } from './boards-query.dto';

export const BOARDS: RegistryModel<BoardDoc, BoardsQuery> = {
  projection: boardsProjection.name,
  prefix: BOARD_KEY_PREFIX,
  what: 'Board',
  matches: matchesBoard,
};

export const boardsQuery = (q: BoardsQueryDto): BoardsQuery => ({ kind: q.kind, parentBoardId: q.parent });

/** Registered boards as they are applied (a parent again when a group is registered under it). */
export const boardDocuments: StreamSpec<BoardDoc> = {
  projection: boardsProjection,
  select: (_key, { exists, history: _history, ...doc }) => (exists ? { type: 'board', data: doc } : undefined),
};
