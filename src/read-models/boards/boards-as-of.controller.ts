import { registryAsOfController } from '../registry/registry-as-of.controller';
import { BOARDS, boardsQuery } from './boards-model';
import { AsOfBoardsQueryDto } from './boards-query.dto';
import { BoardAsOfDto, BoardHistoryAsOfDto, BoardPageAsOfDto } from './boards-responses.dto';

/** The boards register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
export const BoardsAsOfController = registryAsOfController({
  name: 'BoardsAsOfController',
  tag: 'boards',
  path: 'boards',
  idParam: 'boardId',
  model: BOARDS,
  query: { dto: AsOfBoardsQueryDto, filters: boardsQuery },
  notFound: 'board-not-found: no such board had been registered by then',
  list: {
    operationId: 'listBoardsAsOf',
    summary:
      'The boards as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listBoards',
    type: BoardPageAsOfDto,
  },
  get: {
    operationId: 'getBoardAsOf',
    summary: 'One board and its subgroups as known at knownAt and true at validAt',
    type: BoardAsOfDto,
  },
  history: {
    operationId: 'getBoardHistoryAsOf',
    summary: "The board's history as known at knownAt, of what had happened by validAt",
    type: BoardHistoryAsOfDto,
  },
});
