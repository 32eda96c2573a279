import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { businessDate } from '../../../projections/calendar/business-date';
import { risksProjection } from '../../../projections/risks/risks.projection';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { CLOCK, type Clock } from '../../shared/clock';
import { asOfBusinessDate } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { AsOfRiskDto, AsOfRisksQueryDto, risksQuery } from './risks-query.dto';
import { RiskAsOfDto, RiskHistoryAsOfDto, RiskPageAsOfDto } from './risks-responses.dto';
import { RisksReader } from './risks.reader';

const NAME = risksProjection.name;
const NOT_FOUND = 'risk-not-found: no such risk had been recorded by then';

/**
 * The register as it stood at a past position or date: what had been recorded by then, measured at
 * measuredOn or, by default, at that point's own date, so "overdue" is as it stood that day.
 */
@ApiTags('risks')
@ApiBearerAuth()
@Controller('as-of/risks')
export class RisksAsOfController {
  constructor(
    private readonly engine: AsOfEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listRisksAsOf',
    summary:
      'The risk register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listRisks',
  })
  @CollectionRead(RiskPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, measuredOn, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfRisksQueryDto) {
    return asOfPage(this.engine, NAME, q, (view, answer) =>
      new RisksReader(view).list(risksQuery(q, this.measuredOn(answer, q.measuredOn)), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':riskId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getRiskAsOf',
    summary: 'One risk as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(RiskAsOfDto, 'The record', {
    problems: { 404: NOT_FOUND, 400: 'knownAt, validAt or measuredOn is invalid' },
  })
  get(@RecordId('riskId') riskId: string, @Query() q: AsOfRiskDto) {
    return asOfRecord(this.engine, NAME, q, (view, answer) =>
      new RisksReader(view).get(riskId, this.measuredOn(answer, q.measuredOn)),
    );
  }

  @Get(':riskId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getRiskHistoryAsOf',
    summary: "The risk's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(RiskHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('riskId') riskId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, NAME, q, (view) => new RisksReader(view).history(riskId));
  }

  private measuredOn(answer: AsOfAnswer, given: string | undefined): string {
    return given ?? asOfBusinessDate(answer, () => businessDate(this.clock.now().toISOString()));
  }
}
