import { Controller, Get, Headers, Inject, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { businessDate } from '../../../projections/calendar/business-date';
import { inspectionsProjection } from '../../../projections/inspections/inspections.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { CLOCK, type Clock } from '../../shared/clock';
import { MeasuredOnDto } from '../case-reviews/case-reviews-query.dto';
import { ReadModelETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { inspectionsQuery, InspectionsQueryDto } from './inspections-query.dto';
import { InspectionDto, InspectionHistoryDto, InspectionPageDto } from './inspections-responses.dto';
import { inspectionDocuments, InspectionsReader } from './inspections.reader';

const BAD_QUERY = 'A filter, measuredOn or the cursor is invalid (validation-failed, invalid-cursor)';

/**
 * The inspections register: each inspection of partner agencies with its recommendations, which are
 * open, which are overdue for an update, and who owns them, measured at measuredOn (default: today,
 * from the injected clock). Eventually consistent with the ledger.
 */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ReadModelETag(inspectionsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listInspections',
    summary:
      'Inspections with their recommendations at measuredOn; filter by body, inspected agency, and recommendations by owner, status or overdue; cursor paging',
  })
  @CollectionRead(InspectionPageDto, 'The page', { problems: { 400: BAD_QUERY } })
  list(@Query() q: InspectionsQueryDto) {
    return this.reader().list(inspectionsQuery(q, this.measuredOn(q)), q.limit ?? 50, q.cursor);
  }

  /** Declared before :inspectionId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamInspections',
    'Server-Sent Events: each inspection as it is applied (event "inspection", id = ledger position), measured on the day it is sent',
    { inspection: InspectionDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(
      inspectionDocuments(() => this.today()),
      { headers, query },
      signal,
    );
  }

  @Get(':inspectionId')
  @ReadModelETag(inspectionsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getInspection',
    summary:
      'One inspection: body, dates, report, agencies inspected, and each recommendation with its owner, action plan, updates, RAG over time, closure, and whether an update is overdue at measuredOn',
  })
  @RecordRead(InspectionDto, 'The record', { problems: { 404: 'inspection-not-found', 400: BAD_QUERY } })
  get(@RecordId('inspectionId') inspectionId: string, @Query() q: MeasuredOnDto) {
    return this.reader().get(inspectionId, this.measuredOn(q));
  }

  @Get(':inspectionId/history')
  @ReadModelETag(inspectionsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getInspectionHistory',
    summary: "The inspection's events in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(InspectionHistoryDto, 'The record', { problems: { 404: 'inspection-not-found' } })
  history(@RecordId('inspectionId') inspectionId: string): InspectionHistoryDto {
    return this.reader().history(inspectionId);
  }

  private measuredOn(q: MeasuredOnDto): string {
    return q.measuredOn ?? this.today();
  }

  /** Today in England. */
  private today(): string {
    return businessDate(this.clock.now().toISOString());
  }

  private reader() {
    return new InspectionsReader(this.store);
  }
}
