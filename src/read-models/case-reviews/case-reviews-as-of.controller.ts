import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { businessDate } from '../../../projections/calendar/business-date';
import { caseReviewsProjection } from '../../../projections/case-reviews/case-reviews.projection';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { CLOCK, type Clock } from '../../shared/clock';
import { asOfBusinessDate } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { calendarDates } from '../escalations/escalation-trail-dates';
import { AsOfCaseReviewsQueryDto, AsOfMeasuredOnDto } from './case-reviews-query.dto';
import { CaseReviewAsOfDto, CaseReviewHistoryAsOfDto, CaseReviewPageAsOfDto } from './case-reviews-responses.dto';
import { CaseReviewsReader } from './case-reviews.reader';

const NAME = caseReviewsProjection.name;
const NOT_FOUND = 'case-review-not-found: no such review had been opened by then';

/**
 * The register as it stood at a past position or date: what had been recorded by then, its clocks
 * measured at measuredOn or, by default, at that point's own date (a position: the day it was recorded).
 */
@ApiTags('case-reviews')
@ApiBearerAuth()
@Controller('as-of/case-reviews')
export class CaseReviewsAsOfController {
  constructor(
    private readonly engine: AsOfEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listCaseReviewsAsOf',
    summary:
      'The case review register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listCaseReviews',
  })
  @CollectionRead(CaseReviewPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, measuredOn, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfCaseReviewsQueryDto) {
    return asOfPage(this.engine, NAME, q, (view, answer) => {
      const measuredOn = this.measuredOn(answer, q.measuredOn);
      const query = { measuredOn, type: q.type, status: q.status, breached: q.breached };
      return new CaseReviewsReader(view).list(query, q.limit ?? 50, q.cursor);
    });
  }

  @Get(':caseReviewId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getCaseReviewAsOf',
    summary: 'One case review as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(CaseReviewAsOfDto, 'The record', {
    problems: { 404: NOT_FOUND, 400: 'knownAt, validAt or measuredOn is invalid' },
  })
  get(@RecordId('caseReviewId') caseReviewId: string, @Query() q: AsOfMeasuredOnDto) {
    return asOfRecord(this.engine, NAME, q, (view, answer) =>
      new CaseReviewsReader(view).get(caseReviewId, this.measuredOn(answer, q.measuredOn)),
    );
  }

  @Get(':caseReviewId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getCaseReviewHistoryAsOf',
    summary: "The review's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(CaseReviewHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('caseReviewId') caseReviewId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, NAME, q, (view) => new CaseReviewsReader(view).history(caseReviewId));
  }

  private measuredOn(answer: AsOfAnswer, given: string | undefined): string {
    const today = () => businessDate(this.clock.now().toISOString());
    return calendarDates({ measuredOn: given ?? asOfBusinessDate(answer, today) }).measuredOn!;
  }
}
