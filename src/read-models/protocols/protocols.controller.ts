import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { protocolsProjection } from '../../../projections/protocols/protocols.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { PROTOCOLS, protocolDocuments, protocolsQuery } from './protocols-model';
import { ProtocolsQueryDto } from './protocols-query.dto';
import { ProtocolDto, ProtocolHistoryDto, ProtocolPageDto } from './protocols-responses.dto';

/** The escalation protocols register, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('escalations')
@ApiBearerAuth()
@Controller('escalation-protocols')
export class ProtocolsController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(protocolsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listEscalationProtocols',
    summary:
      'Escalation protocols with the stages in force and every version; filter by a stage in force; cursor paging',
  })
  @CollectionRead(ProtocolPageDto, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  list(@Query() q: ProtocolsQueryDto) {
    return this.reader().list(protocolsQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :protocolId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamEscalationProtocols',
    'Server-Sent Events: each protocol document as it is applied (event "protocol", id = ledger position)',
    { protocol: ProtocolDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(protocolDocuments, { headers, query }, signal);
  }

  @Get(':protocolId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getEscalationProtocol',
    summary:
      'One escalation protocol: the version in force and every version with its stages, who defined or revised it and when',
  })
  @RecordRead(ProtocolDto, 'The record', { problems: { 404: 'protocol-not-found' } })
  get(@RecordId('protocolId') protocolId: string) {
    return this.reader().get(protocolId);
  }

  @Get(':protocolId/history')
  @ReadModelETag(protocolsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getEscalationProtocolHistory',
    summary: "The protocol's definition and revisions in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(ProtocolHistoryDto, 'The record', { problems: { 404: 'protocol-not-found' } })
  history(@RecordId('protocolId') protocolId: string): ProtocolHistoryDto {
    return { protocolId, ...this.reader().history(protocolId) };
  }

  private reader() {
    return new RecordReader(PROTOCOLS, this.store);
  }
}
