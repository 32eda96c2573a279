import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { auditsProjection } from '../../../projections/assurance/audits.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { assuranceQuery, AUDITS, auditDocuments } from './assurance-models';
import { AssuranceQueryDto } from './assurance-query.dto';
import { AuditDto, AuditHistoryDto, AuditPageDto } from './assurance-responses.dto';

/** The multi-agency audits register, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('multi-agency-audits')
@ApiBearerAuth()
@Controller('multi-agency-audits')
export class AuditsController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(auditsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listMultiAgencyAudits',
    summary:
      'Multi-agency audits with their return rate, partners asked and returns, findings and their actions; filter open or by partner',
  })
  @CollectionRead(AuditPageDto, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  list(@Query() q: AssuranceQueryDto) {
    return this.reader().list(assuranceQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :auditId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamMultiAgencyAudits',
    'Server-Sent Events: each audit as it is applied (event "multi-agency-audit", id = ledger position)',
    { 'multi-agency-audit': AuditDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(auditDocuments, { headers, query }, signal);
  }

  @Get(':auditId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getMultiAgencyAudit',
    summary: 'One audit: its themes, the partners asked and their returns, the return rate, findings and their actions',
  })
  @RecordRead(AuditDto, 'The record', { problems: { 404: 'audit-not-found' } })
  get(@RecordId('auditId') auditId: string) {
    return this.reader().get(auditId);
  }

  @Get(':auditId/history')
  @ReadModelETag(auditsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getMultiAgencyAuditHistory',
    summary: "The audit's events in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(AuditHistoryDto, 'The record', { problems: { 404: 'audit-not-found' } })
  history(@RecordId('auditId') auditId: string): AuditHistoryDto {
    return { auditId, ...this.reader().history(auditId) };
  }

  private reader() {
    return new RecordReader(AUDITS, this.store);
  }
}
