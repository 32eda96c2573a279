import { RenamedQueryParameter } from '../../http/deprecation';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { signoffsProjection } from '../../../projections/signoffs/signoffs.projection';
import { Requires } from '../../auth/requires.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto, bitemporal, KNOWN_AT_RENAMED } from '../as-of/as-of-query.dto';
import { AsOfETag } from '../etag/read-etag';
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
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listSignoffsAsOf',
    summary:
      'The sign-offs as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listSignoffs',
  })
  @CollectionRead(SignoffPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  async list(@Query() q: AsOfSignoffsQueryDto) {
    const answer = await this.answer(q);
    const page = new RecordReader(SIGNOFFS, viewOf(answer)).list(signoffsQuery(q), q.limit ?? 50, q.cursor);
    return { asOf: provenance(answer), ...page };
  }

  @Get(':signoffId')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getSignoffAsOf',
    summary: 'One sign-off as known at knownAt and true at validAt',
  })
  @RecordRead(SignoffAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async get(@RecordId('signoffId') signoffId: string, @Query() q: AsOfQueryDto) {
    const answer = await this.answer(q);
    return { ...new RecordReader(SIGNOFFS, viewOf(answer)).get(signoffId), asOf: provenance(answer) };
  }

  @Get(':signoffId/history')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getSignoffHistoryAsOf',
    summary: "The sign-off's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(SignoffHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  async history(@RecordId('signoffId') signoffId: string, @Query() q: AsOfQueryDto): Promise<SignoffHistoryAsOfDto> {
    const answer = await this.answer(q);
    const { entries } = new RecordReader(SIGNOFFS, viewOf(answer)).history(signoffId);
    return { signoffId, entries, asOf: provenance(answer) };
  }

  private answer(q: AsOfQueryDto): Promise<AsOfAnswer> {
    return this.engine.answer(signoffsProjection.name, bitemporal(q));
  }
}
