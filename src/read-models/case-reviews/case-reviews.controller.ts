import { Controller, Get, Headers, Inject, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { businessDate } from '../../../projections/calendar/business-date';
import { caseReviewsProjection } from '../../../projections/case-reviews/case-reviews.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { CLOCK, type Clock } from '../../shared/clock';
import { ReadModelETag } from '../etag/read-etag';
import { calendarDates } from '../escalations/escalation-trail-dates';
import { ReadModelStore } from '../read-model-store';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { CaseReviewsQueryDto, MeasuredOnDto } from './case-reviews-query.dto';
import { CaseReviewDto, CaseReviewHistoryDto, CaseReviewPageDto } from './case-reviews-responses.dto';
import { caseReviewDocuments, CaseReviewsReader } from './case-reviews.reader';

const BAD_QUERY =
  'A filter, measuredOn or the cursor is invalid (validation-failed, date-outside-calendar, invalid-cursor)';

/**
 * The case review register inspectors trace: each review's lifecycle and its statutory deadlines in
 * working days (England and Wales) and months, measured at measuredOn (default: today, from the
 * injected clock). Eventually consistent with the ledger.
 */
@ApiTags('case-reviews')
@ApiBearerAuth()
@Controller('case-reviews')
export class CaseReviewsController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly streams: ProjectionStreams,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ReadModelETag(caseReviewsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listCaseReviews',
    summary:
      'Case reviews with their status and statutory deadlines at measuredOn; filter by type, status or breached; cursor paging',
  })
  @CollectionRead(CaseReviewPageDto, 'The page', { problems: { 400: BAD_QUERY } })
  list(@Query() q: CaseReviewsQueryDto) {
    const measuredOn = this.measuredOn(q);
    return this.reader().list(
      { measuredOn, type: q.type, status: q.status, breached: q.breached },
      q.limit ?? 50,
      q.cursor,
    );
  }

  /** Declared before :caseReviewId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamCaseReviews',
    'Server-Sent Events: each case review as it is applied (event "case-review", id = ledger position), measured on the day it is sent',
    { 'case-review': CaseReviewDto },
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(
      caseReviewDocuments(() => this.today()),
      { headers, query },
      signal,
    );
  }

  @Get(':caseReviewId')
  @ReadModelETag(caseReviewsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getCaseReview',
    summary:
      'One case review: notification, rapid review, Panel, commissioning, drafts, sign-off, publication or delay, findings, briefings, and its deadlines at measuredOn',
  })
  @RecordRead(CaseReviewDto, 'The record', { problems: { 404: 'case-review-not-found', 400: BAD_QUERY } })
  get(@RecordId('caseReviewId') caseReviewId: string, @Query() q: MeasuredOnDto) {
    return this.reader().get(caseReviewId, this.measuredOn(q));
  }

  @Get(':caseReviewId/history')
  @ReadModelETag(caseReviewsProjection)
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getCaseReviewHistory',
    summary: "The review's events in ledger order: what, when, who, where to verify it",
  })
  @RecordRead(CaseReviewHistoryDto, 'The record', { problems: { 404: 'case-review-not-found' } })
  history(@RecordId('caseReviewId') caseReviewId: string): CaseReviewHistoryDto {
    return this.reader().history(caseReviewId);
  }

  /** The measuring date as the calendar counts it (400 date-outside-calendar beyond the bank holiday table). */
  private measuredOn(q: MeasuredOnDto): string {
    return calendarDates({ measuredOn: q.measuredOn ?? this.today() }).measuredOn!;
  }

  /** Today in England: working days are counted on London dates. */
  private today(): string {
    return businessDate(this.clock.now().toISOString());
  }

  private reader() {
    return new CaseReviewsReader(this.store);
  }
}
