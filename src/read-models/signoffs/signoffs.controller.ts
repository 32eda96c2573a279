import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { signoffsProjection } from '../../../projections/signoffs/signoffs.projection';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { SIGNOFFS, signoffDocuments, signoffsQuery } from './signoffs-model';
import { SignoffsQueryDto } from './signoffs-query.dto';
import { SignoffDto, SignoffHistoryDto, SignoffPageDto } from './signoffs-responses.dto';

/** The sign-offs register, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('signoffs')
@ApiBearerAuth()
@Controller('signoffs')
export class SignoffsController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(signoffsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listSignoffs',
    summary:
      'Sign-offs with their artefact versions, who was asked and who signed which version; filter by decision, status or signer; cursor paging',
  })
  @CollectionRead(SignoffPageDto, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  list(@Query() q: SignoffsQueryDto) {
    return this.reader().list(signoffsQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :signoffId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamSignoffs',
    'Server-Sent Events: each sign-off document as it is applied (event "signoff", id = ledger position)',
    { signoff: SignoffDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(signoffDocuments, { headers, query }, signal);
  }

  @Get(':signoffId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getSignoff',
    summary:
      'One sign-off: the artefact and its versions, who was asked to sign, who signed (and withdrew) which version and when, its status',
  })
  @RecordRead(SignoffDto, 'The record', { problems: { 404: 'signoff-not-found' } })
  get(@RecordId('signoffId') signoffId: string) {
    return this.reader().get(signoffId);
  }

  @Get(':signoffId/history')
  @ReadModelETag(signoffsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getSignoffHistory',
    summary:
      "The sign-off's request, signatures, revisions and withdrawals in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(SignoffHistoryDto, 'The record', { problems: { 404: 'signoff-not-found' } })
  history(@RecordId('signoffId') signoffId: string): SignoffHistoryDto {
    return { signoffId, ...this.reader().history(signoffId) };
  }

  private reader() {
    return new RecordReader(SIGNOFFS, this.store);
  }
}
