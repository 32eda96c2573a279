import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { partnersProjection } from '../../../projections/partners/partners.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { PARTNERS, partnerDocuments, partnersQuery } from './partners-model';
import { PartnersQueryDto } from './partners-query.dto';
import { PartnerDto, PartnerHistoryDto, PartnerPageDto } from './partners-responses.dto';

/** The partner register, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('partners')
@ApiBearerAuth()
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(partnersProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listPartners',
    summary:
      'Partner agencies with their current and former names and successions; filter by kind, statutory, status or any name they bore; cursor paging',
  })
  @CollectionRead(PartnerPageDto, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  list(@Query() q: PartnersQueryDto) {
    return this.reader().list(partnersQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :partnerId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamPartners',
    'Server-Sent Events: each partner document as it is applied (event "partner", id = ledger position)',
    { partner: PartnerDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(partnerDocuments, { headers, query }, signal);
  }

  @Get(':partnerId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getPartner',
    summary: 'One partner: every name it has borne with the dates, who succeeded it and whom it succeeded',
  })
  @RecordRead(PartnerDto, 'The record', { problems: { 404: 'partner-not-found' } })
  get(@RecordId('partnerId') partnerId: string) {
    return this.reader().get(partnerId);
  }

  @Get(':partnerId/history')
  @ReadModelETag(partnersProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getPartnerHistory',
    summary:
      "The partner's registration, renamings and successions in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(PartnerHistoryDto, 'The record', { problems: { 404: 'partner-not-found' } })
  history(@RecordId('partnerId') partnerId: string): PartnerHistoryDto {
    return { partnerId, ...this.reader().history(partnerId) };
  }

  private reader() {
    return new RecordReader(PARTNERS, this.store);
  }
}
