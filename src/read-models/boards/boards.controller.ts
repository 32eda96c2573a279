import { registryController } from '../registry/registry.controller';
import { BOARDS, boardDocuments, boardsQuery } from './boards-model';
import { BoardsQueryDto } from './boards-query.dto';
import { BoardDto, BoardHistoryDto, BoardPageDto } from './boards-responses.dto';

/** The boards register, as the projection has applied it (eventually consistent with the ledger). */
export const BoardsController = registryController({
  name: 'BoardsController',
  tag: 'boards',
  path: 'boards',
  idParam: 'boardId',
  model: BOARDS,
  query: { dto: BoardsQueryDto, filters: boardsQuery },
  notFound: 'board-not-found',
  list: {
    operationId: 'listBoards',
    summary:
      'Boards and groups with the board each reports to and the groups under it; filter by kind or parent board; cursor paging',
    type: BoardPageDto,
  },
  stream: {
    operationId: 'streamBoards',
    summary: 'Server-Sent Events: each board document as it is applied (event "board", id = ledger position)',
    events: { board: BoardDto },
    documents: boardDocuments,
  },
  get: {
    operationId: 'getBoard',
    summary: 'One board: its kind, the board it reports to and the subgroups and task-and-finish groups under it',
    type: BoardDto,
  },
  history: {
    operationId: 'getBoardHistory',
    summary:
      "The board's registration and those of the groups under it, in ledger order: what, when, who, where to verify it",
    type: BoardHistoryDto,
  },
});
