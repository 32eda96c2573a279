import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { RecordReader } from '../registry/record-reader';
import { SIGNOFFS, signoffsQuery } from './signoffs-model';
import { AsOfSignoffsQueryDto } from './signoffs-query.dto';
import { SignoffAsOfDto, SignoffHistoryAsOfDto, SignoffPageAsOfDto } from './signoffs-responses.dto';

const NOT_FOUND = 'signoff-not-found: no such sign-off had been requested by then';

/** The sign-offs register as it stood at a past point of the log (knownAt) and business date (validAt): the same reader over an as-of view. */
@ApiTags('signoffs')
@ApiBearerAuth()
@Controller('as-of/signoffs')
export class SignoffsAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listSignoffsAsOf',
    summary:
      'The sign-offs as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listSignoffs',
  })
  @CollectionRead(SignoffPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfSignoffsQueryDto) {
    return asOfPage(this.engine, SIGNOFFS.projection, q, (view) =>
      new RecordReader(SIGNOFFS, view).list(signoffsQuery(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':signoffId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getSignoffAsOf',
    summary: 'One sign-off as known at knownAt and true at validAt',
  })
  @RecordRead(SignoffAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  get(@RecordId('signoffId') signoffId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, SIGNOFFS.projection, q, (view) => new RecordReader(SIGNOFFS, view).get(signoffId));
  }

  @Get(':signoffId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getSignoffHistoryAsOf',
    summary: "The sign-off's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(SignoffHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('signoffId') signoffId: string, @Query() q: AsOfQueryDto): Promise<SignoffHistoryAsOfDto> {
    return asOfRecord(this.engine, SIGNOFFS.projection, q, (view) => ({
      signoffId,
      ...new RecordReader(SIGNOFFS, view).history(signoffId),
    }));
  }
}
