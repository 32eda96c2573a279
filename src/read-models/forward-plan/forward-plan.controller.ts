import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Observable } from 'rxjs';
import { forwardPlanProjection } from '../../../projections/forward-plan/forward-plan.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { ReadModelETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { forwardPlanQuery, ForwardPlanQueryDto } from './forward-plan-query.dto';
import { ForwardPlanHistoryDto, ForwardPlanItemDto, ForwardPlanPageDto } from './forward-plan-responses.dto';
import { forwardPlanDocuments, forwardPlanReader } from './forward-plan.reader';

const BAD_QUERY = 'A filter or the cursor is invalid (validation-failed, invalid-cursor)';

/** A board's forward plan: what is to come to its next meetings and months. Eventually consistent with the ledger. */
@ApiTags('forward-plan')
@ApiBearerAuth()
@Controller('forward-plan')
export class ForwardPlanController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(forwardPlanProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listForwardPlan',
    summary: 'Forward plan items; filter by board, from a month on, and status (planned, moved, dropped, taken)',
  })
  @CollectionRead(ForwardPlanPageDto, 'The page', { problems: { 400: BAD_QUERY } })
  list(@Query() q: ForwardPlanQueryDto) {
    return this.reader().list(forwardPlanQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :itemId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamForwardPlan',
    'Server-Sent Events: each forward plan item as it is applied (event "forward-plan-item", id = ledger position)',
    { 'forward-plan-item': ForwardPlanItemDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(forwardPlanDocuments, { headers, query }, signal);
  }

  @Get(':itemId')
  @ReadModelETag(forwardPlanProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getForwardPlanItem',
    summary: 'One forward plan item: board, source, where it is planned, its moves, and whether dropped or taken',
  })
  @RecordRead(ForwardPlanItemDto, 'The record', { problems: { 404: 'forward-plan-item-not-found' } })
  get(@RecordId('itemId') itemId: string) {
    return this.reader().get(itemId);
  }

  @Get(':itemId/history')
  @ReadModelETag(forwardPlanProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getForwardPlanItemHistory',
    summary: "The item's events in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(ForwardPlanHistoryDto, 'The record', { problems: { 404: 'forward-plan-item-not-found' } })
  history(@RecordId('itemId') itemId: string): ForwardPlanHistoryDto {
    return { itemId, ...this.reader().history(itemId) };
  }

  private reader() {
    return forwardPlanReader(this.store);
  }
}
