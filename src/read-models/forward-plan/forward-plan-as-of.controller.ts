import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { forwardPlanProjection } from '../../../projections/forward-plan/forward-plan.projection';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { AsOfForwardPlanQueryDto, forwardPlanQuery } from './forward-plan-query.dto';
import {
  ForwardPlanHistoryAsOfDto,
  ForwardPlanItemAsOfDto,
  ForwardPlanPageAsOfDto,
} from './forward-plan-responses.dto';
import { forwardPlanReader } from './forward-plan.reader';

const NAME = forwardPlanProjection.name;
const NOT_FOUND = 'forward-plan-item-not-found: no such item had been planned by then';

/** The forward plan as it stood at a past position or date. */
@ApiTags('forward-plan')
@ApiBearerAuth()
@Controller('as-of/forward-plan')
export class ForwardPlanAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listForwardPlanAsOf',
    summary:
      'The forward plan as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listForwardPlan',
  })
  @CollectionRead(ForwardPlanPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfForwardPlanQueryDto) {
    return asOfPage(this.engine, NAME, q, (view) =>
      forwardPlanReader(view).list(forwardPlanQuery(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':itemId')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getForwardPlanItemAsOf',
    summary: 'One forward plan item as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(ForwardPlanItemAsOfDto, 'The record', {
    problems: { 404: NOT_FOUND, 400: 'knownAt or validAt is invalid' },
  })
  get(@RecordId('itemId') itemId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, NAME, q, (view) => forwardPlanReader(view).get(itemId));
  }

  @Get(':itemId/history')
  @AsOfRead()
  @ApiOperation({
    operationId: 'getForwardPlanItemHistoryAsOf',
    summary: "The item's history as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(ForwardPlanHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('itemId') itemId: string, @Query() q: AsOfQueryDto) {
    return asOfRecord(this.engine, NAME, q, (view) => ({
      itemId,
      ...forwardPlanReader(view).history(itemId),
    }));
  }
}
