import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { thematicReviewsProjection } from '../../../projections/assurance/thematic-reviews.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { assuranceQuery, THEMATIC_REVIEWS, thematicReviewDocuments } from './assurance-models';
import { AssuranceQueryDto } from './assurance-query.dto';
import { ThematicReviewDto, ThematicReviewHistoryDto, ThematicReviewPageDto } from './assurance-responses.dto';

/** The thematic reviews register, as the projection has applied it (eventually consistent with the ledger). */
@ApiTags('thematic-reviews')
@ApiBearerAuth()
@Controller('thematic-reviews')
export class ThematicReviewsController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(thematicReviewsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listThematicReviews',
    summary: "Thematic reviews with each partner's plan and what came of each finding; filter open or by partner",
  })
  @CollectionRead(ThematicReviewPageDto, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  list(@Query() q: AssuranceQueryDto) {
    return this.reader().list(assuranceQuery(q), q.limit ?? 50, q.cursor);
  }

  /** Declared before :thematicReviewId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamThematicReviews',
    'Server-Sent Events: each thematic review as it is applied (event "thematic-review", id = ledger position)',
    { 'thematic-review': ThematicReviewDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(thematicReviewDocuments, { headers, query }, signal);
  }

  @Get(':thematicReviewId')
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getThematicReview',
    summary: "One thematic review: its findings and the partners each went to, every partner's plan and progress",
  })
  @RecordRead(ThematicReviewDto, 'The record', { problems: { 404: 'thematic-review-not-found' } })
  get(@RecordId('thematicReviewId') thematicReviewId: string) {
    return this.reader().get(thematicReviewId);
  }

  @Get(':thematicReviewId/history')
  @ReadModelETag(thematicReviewsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getThematicReviewHistory',
    summary: "The review's events in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(ThematicReviewHistoryDto, 'The record', { problems: { 404: 'thematic-review-not-found' } })
  history(@RecordId('thematicReviewId') thematicReviewId: string): ThematicReviewHistoryDto {
    return { thematicReviewId, ...this.reader().history(thematicReviewId) };
  }

  private reader() {
    return new RecordReader(THEMATIC_REVIEWS, this.store);
  }
}
