import { Controller, Get, Headers, Inject, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { businessDate } from '../../../projections/calendar/business-date';
import { risksProjection } from '../../../projections/risks/risks.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { CLOCK, type Clock } from '../../shared/clock';
import { MeasuredOnDto } from '../case-reviews/case-reviews-query.dto';
import { ReadModelETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { risksQuery, RisksQueryDto } from './risks-query.dto';
import { RiskDto, RiskHistoryDto, RiskPageDto } from './risks-responses.dto';
import { riskDocuments, RisksReader } from './risks.reader';

const BAD_QUERY = 'A filter, measuredOn or the cursor is invalid (validation-failed, invalid-cursor)';

/**
 * The risk register: each risk with its owner agency, its score (likelihood x impact) and past scores,
 * controls, reviews, escalations, and whether its review is overdue, measured at measuredOn (default:
 * today, from the injected clock). Eventually consistent with the ledger.
 */
@ApiTags('risks')
@ApiBearerAuth()
@Controller('risks')
export class RisksController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ReadModelETag(risksProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listRisks',
    summary:
      'Risks with their current and past scores at measuredOn; filter by owner partner, category, status or overdue review; cursor paging',
  })
  @CollectionRead(RiskPageDto, 'The page', { problems: { 400: BAD_QUERY } })
  list(@Query() q: RisksQueryDto) {
    return this.reader().list(risksQuery(q, this.measuredOn(q)), q.limit ?? 50, q.cursor);
  }

  /** Declared before :riskId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamRisks',
    'Server-Sent Events: each risk as it is applied (event "risk", id = ledger position), measured on the day it is sent',
    { risk: RiskDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(
      riskDocuments(() => this.today()),
      { headers, query },
      signal,
    );
  }

  @Get(':riskId')
  @ReadModelETag(risksProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getRisk',
    summary:
      'One risk: owner, category, score and past scores, controls, reviews, escalations, closure, and whether its review is overdue at measuredOn',
  })
  @RecordRead(RiskDto, 'The record', { problems: { 404: 'risk-not-found', 400: BAD_QUERY } })
  get(@RecordId('riskId') riskId: string, @Query() q: MeasuredOnDto) {
    return this.reader().get(riskId, this.measuredOn(q));
  }

  @Get(':riskId/history')
  @ReadModelETag(risksProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getRiskHistory',
    summary: "The risk's events in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(RiskHistoryDto, 'The record', { problems: { 404: 'risk-not-found' } })
  history(@RecordId('riskId') riskId: string): RiskHistoryDto {
    return this.reader().history(riskId);
  }

  private measuredOn(q: MeasuredOnDto): string {
    return q.measuredOn ?? this.today();
  }

  /** Today in England. */
  private today(): string {
    return businessDate(this.clock.now().toISOString());
  }

  private reader() {
    return new RisksReader(this.store);
  }
}
