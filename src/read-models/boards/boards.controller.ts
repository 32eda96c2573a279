import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { boardsProjection } from '../../../projections/boards/boards.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { BOARDS, boardDocuments, boardsQuery } from './boards-model';
import { BoardsQueryDto } from './boards-query.dto';
import { BoardDto, BoardHistoryDto, BoardPageDto } from './boards-responses.dto';

/** The boards register, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('boards')
@ApiBearerAuth()
@Controller('boards')
export class BoardsController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(boardsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listBoards',
    summary:
      'Boards and groups with the board each reports to and the groups under it; filter by kind or parent board; cursor paging',
  })
  @CollectionRead(BoardPageDto, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  list(@Query() q: BoardsQueryDto) {
    return this.reader().list(boardsQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :boardId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamBoards',
    'Server-Sent Events: each board document as it is applied (event "board", id = ledger position)',
    { board: BoardDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(boardDocuments, { headers, query }, signal);
  }

  @Get(':boardId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getBoard',
    summary: 'One board: its kind, the board it reports to and the subgroups and task-and-finish groups under it',
  })
  @RecordRead(BoardDto, 'The record', { problems: { 404: 'board-not-found' } })
  get(@RecordId('boardId') boardId: string) {
    return this.reader().get(boardId);
  }

  @Get(':boardId/history')
  @ReadModelETag(boardsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getBoardHistory',
    summary:
      "The board's registration and those of the groups under it, in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(BoardHistoryDto, 'The record', { problems: { 404: 'board-not-found' } })
  history(@RecordId('boardId') boardId: string): BoardHistoryDto {
    return { boardId, ...this.reader().history(boardId) };
  }

  private reader() {
    return new RecordReader(BOARDS, this.store);
  }
}
