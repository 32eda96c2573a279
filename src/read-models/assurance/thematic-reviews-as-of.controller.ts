import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { RecordReader } from '../registry/record-reader';
import { assuranceQuery, THEMATIC_REVIEWS } from './assurance-models';
import { AsOfAssuranceQueryDto } from './assurance-query.dto';
import {
  ThematicReviewAsOfDto,
  ThematicReviewHistoryAsOfDto,
  ThematicReviewPageAsOfDto,
} from './assurance-responses.dto';

const NOT_FOUND = 'thematic-review-not-found: no such review had been opened by then';

/** The thematic reviews register as it stood at a past point of the log (knownAt) and business date (validAt). */
@ApiTags('thematic-reviews')
@ApiBearerAuth()
@Controller('as-of/thematic-reviews')
export class ThematicReviewsAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listThematicReviewsAsOf',
    summary:
      'The thematic reviews as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listThematicReviews',
  })
  @CollectionRead(ThematicReviewPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfAssuranceQueryDto) {
    return asOfPage(this.engine, THEMATIC_REVIEWS.projection, q, (view) =>
      new RecordReader(THEMATIC_REVIEWS, view).list(assuranceQuery(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':thematicReviewId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getThematicReviewAsOf',
    summary: 'One thematic review as known at knownAt and true at validAt',
  })
  @RecordRead(ThematicReviewAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  get(@RecordId('thematicReviewId') thematicReviewId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, THEMATIC_REVIEWS.projection, q, (view) =>
      new RecordReader(THEMATIC_REVIEWS, view).get(thematicReviewId),
    );
  }

  @Get(':thematicReviewId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getThematicReviewHistoryAsOf',
    summary: "The review's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(ThematicReviewHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(
    @RecordId('thematicReviewId') thematicReviewId: string,
    @Query() q: AsOfQueryDto,
  ): Promise<ThematicReviewHistoryAsOfDto> {
    return asOfRecord(this.engine, THEMATIC_REVIEWS.projection, q, (view) => ({
      thematicReviewId,
      ...new RecordReader(THEMATIC_REVIEWS, view).history(thematicReviewId),
    }));
  }
}
