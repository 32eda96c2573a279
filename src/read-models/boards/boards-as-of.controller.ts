import { RenamedQueryParameter } from '../../http/deprecation';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { boardsProjection } from '../../../projections/boards/boards.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto, bitemporal, KNOWN_AT_RENAMED } from '../as-of/as-of-query.dto';
import { AsOfETag } from '../etag/read-etag';
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
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listBoardsAsOf',
    summary:
      'The boards as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listBoards',
  })
  @CollectionRead(BoardPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  async list(@Query() q: AsOfBoardsQueryDto) {
    const answer = await this.answer(q);
    const page = new RecordReader(BOARDS, viewOf(answer)).list(boardsQuery(q), q.limit ?? 50, q.cursor);
    return { asOf: provenance(answer), ...page };
  }

  @Get(':boardId')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getBoardAsOf',
    summary: 'One board and its subgroups as known at knownAt and true at validAt',
  })
  @RecordRead(BoardAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async get(@RecordId('boardId') boardId: string, @Query() q: AsOfQueryDto) {
    const answer = await this.answer(q);
    return { ...new RecordReader(BOARDS, viewOf(answer)).get(boardId), asOf: provenance(answer) };
  }

  @Get(':boardId/history')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getBoardHistoryAsOf',
    summary: "The board's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(BoardHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async history(@RecordId('boardId') boardId: string, @Query() q: AsOfQueryDto): Promise<BoardHistoryAsOfDto> {
    const answer = await this.answer(q);
    const { entries } = new RecordReader(BOARDS, viewOf(answer)).history(boardId);
    return { boardId, entries, asOf: provenance(answer) };
  }

  private answer(q: AsOfQueryDto): Promise<AsOfAnswer> {
    return this.engine.answer(boardsProjection.name, bitemporal(q));
  }
}
