import { Controller, Get, Headers, MessageEvent, Param, Query, SseSignal } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../../auth/requires.decorator';
import { IdPipe } from '../../http/id.pipe';
import { protocolsProjection } from '../../../projections/protocols/protocols.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { PROTOCOLS, protocolDocuments, protocolsQuery } from './protocols-model';
import { ProtocolsQueryDto } from './protocols-query.dto';
import { ProtocolDto, ProtocolHistoryDto, ProtocolPageDto } from './protocols-responses.dto';

const problemSchema = { $ref: '#/components/schemas/Problem' };

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
  @ApiOkResponse({ type: ProtocolPageDto })
  @ApiBadRequestResponse({ description: 'A filter or the cursor is invalid', schema: problemSchema })
  list(@Query() q: ProtocolsQueryDto) {
    return this.reader().list(protocolsQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :protocolId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamEscalationProtocols',
    'Server-Sent Events: each protocol document as it is applied (event "protocol", id = ledger position)',
    '"protocol" events (data: a Protocol document)',
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
  @ApiOkResponse({ type: ProtocolDto })
  @ApiNotFoundResponse({ description: 'protocol-not-found', schema: problemSchema })
  get(@Param('protocolId', IdPipe) protocolId: string) {
    return this.reader().get(protocolId);
  }

  @Get(':protocolId/history')
  @ReadModelETag(protocolsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getEscalationProtocolHistory',
    summary: "The protocol's definition and revisions in ledger order: what, when, who, where to verify it",
  })
  @ApiOkResponse({ type: ProtocolHistoryDto })
  @ApiNotFoundResponse({ description: 'protocol-not-found', schema: problemSchema })
  history(@Param('protocolId', IdPipe) protocolId: string): ProtocolHistoryDto {
    return { protocolId, ...this.reader().history(protocolId) };
  }

  private reader() {
    return new RecordReader(PROTOCOLS, this.store);
  }
}
