import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { RecordReader } from '../registry/record-reader';
import { BOARDS, boardsQuery } from './boards-model';
import { AsOfBoardsQueryDto } from './boards-query.dto';
import { BoardAsOfDto, BoardHistoryAsOfDto, BoardPageAsOfDto } from './boards-responses.dto';

const NOT_FOUND = 'board-not-found: no such board had been registered by then';

/** The boards register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
@ApiTags('boards')
@ApiBearerAuth()
@Controller('as-of/boards')
export class BoardsAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listBoardsAsOf',
    summary:
      'The boards as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listBoards',
  })
  @CollectionRead(BoardPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfBoardsQueryDto) {
    return asOfPage(this.engine, BOARDS.projection, q, (view) =>
      new RecordReader(BOARDS, view).list(boardsQuery(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':boardId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getBoardAsOf',
    summary: 'One board and its subgroups as known at knownAt and true at validAt',
  })
  @RecordRead(BoardAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  get(@RecordId('boardId') boardId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, BOARDS.projection, q, (view) => new RecordReader(BOARDS, view).get(boardId));
  }

  @Get(':boardId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getBoardHistoryAsOf',
    summary: "The board's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(BoardHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('boardId') boardId: string, @Query() q: AsOfQueryDto): Promise<BoardHistoryAsOfDto> {
    return asOfRecord(this.engine, BOARDS.projection, q, (view) => ({
      boardId,
      ...new RecordReader(BOARDS, view).history(boardId),
    }));
  }
}
