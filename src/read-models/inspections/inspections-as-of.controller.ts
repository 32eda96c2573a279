import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { businessDate } from '../../../projections/calendar/business-date';
import { inspectionsProjection } from '../../../projections/inspections/inspections.projection';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { CLOCK, type Clock } from '../../shared/clock';
import { asOfBusinessDate } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { AsOfInspectionDto, AsOfInspectionsQueryDto, inspectionsQuery } from './inspections-query.dto';
import { InspectionAsOfDto, InspectionHistoryAsOfDto, InspectionPageAsOfDto } from './inspections-responses.dto';
import { InspectionsReader } from './inspections.reader';

const NAME = inspectionsProjection.name;
const NOT_FOUND = 'inspection-not-found: no such inspection had been recorded by then';

/**
 * The register as it stood at a past position or date: what had been recorded by then, measured at
 * measuredOn or, by default, at that point's own date, so "overdue" is as it stood that day.
 */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller('as-of/inspections')
export class InspectionsAsOfController {
  constructor(
    private readonly engine: AsOfEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listInspectionsAsOf',
    summary:
      'The inspections register as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listInspections',
  })
  @CollectionRead(InspectionPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, measuredOn, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfInspectionsQueryDto) {
    return asOfPage(this.engine, NAME, q, (view, answer) =>
      new InspectionsReader(view).list(
        inspectionsQuery(q, this.measuredOn(answer, q.measuredOn)),
        q.limit ?? 50,
        q.cursor,
      ),
    );
  }

  @Get(':inspectionId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getInspectionAsOf',
    summary: 'One inspection as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(InspectionAsOfDto, 'The record', {
    problems: { 404: NOT_FOUND, 400: 'knownAt, validAt or measuredOn is invalid' },
  })
  get(@RecordId('inspectionId') inspectionId: string, @Query() q: AsOfInspectionDto) {
    return asOfRecord(this.engine, NAME, q, (view, answer) =>
      new InspectionsReader(view).get(inspectionId, this.measuredOn(answer, q.measuredOn)),
    );
  }

  @Get(':inspectionId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getInspectionHistoryAsOf',
    summary: "The inspection's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(InspectionHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('inspectionId') inspectionId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, NAME, q, (view) => new InspectionsReader(view).history(inspectionId));
  }

  private measuredOn(answer: AsOfAnswer, given: string | undefined): string {
    return given ?? asOfBusinessDate(answer, () => businessDate(this.clock.now().toISOString()));
  }
}
