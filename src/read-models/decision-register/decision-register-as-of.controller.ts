import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Page } from '../../http/cursor-page';
import { RecordRead } from '../../http/endpoint-responses';
import { ListRead } from '../../http/response-schemas';
import { AsOfProvenanceSchema } from '../as-of/as-of-provenance.dto';
import {
  DecisionHistoryAsOfSchema,
  DecisionRegisterDetailAsOfSchema,
  DecisionRegisterItemSchema,
} from './decision-register.responses';
import { decisionRegisterProjection } from '../../../projections/decision-register/decision-register.projection';
import { RecordETag } from '../etag/read-etag';
import { RecordId } from '../../http/id.pipe';
import { DecisionRegisterReader } from './decision-register.reader';
import { registerFilters } from './decision-register-query.dto';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { AsOfDecisionRegisterQueryDto } from '../as-of/as-of-register-queries.dto';

const NAME = decisionRegisterProjection.name;
const NOT_FOUND = 'decision-not-found: no such decision had been recorded by then';

/**
 * The decision register as it stood at a past point of the log (knownAt) and business date (validAt): which decisions were recorded, in
 * force, their conditions and sign-offs, as anyone could have seen them then. The same reader and
 * pure views as GET /decision-register run over an as-of view of the projection.
 */
@ApiTags('decision-register')
@ApiBearerAuth()
@Controller('as-of/decision-register')
export class DecisionRegisterAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @AsOfRead()
  @ApiOperation({
    operationId: 'listDecisionRegisterAsOf',
    summary:
      'The decision register as known at knownAt (recording time) and true at validAt (business time) (audit replay); same filters and paging as listDecisionRegister',
  })
  @ListRead(
    DecisionRegisterItemSchema,
    'A page of the register then, with asOf provenance; a bad knownAt or validAt, filter or cursor is a 400',
    {
      asOf: AsOfProvenanceSchema,
    },
  )
  list(
    @Query() q: AsOfDecisionRegisterQueryDto,
  ): Promise<Page<DecisionRegisterItemSchema> & { asOf: AsOfProvenanceSchema }> {
    return asOfPage(this.engine, NAME, q, (view) =>
      new DecisionRegisterReader(view).list(registerFilters(q), q.limit ?? 50, q.cursor),
    );
  }

  @Get(':decisionId')
  @AsOfRead(RecordETag)
  @ApiOperation({
    operationId: 'getDecisionRegisterEntryAsOf',
    summary:
      'One decision with its meeting, conditions, status and sign-offs as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(DecisionRegisterDetailAsOfSchema, 'The decision then, with asOf provenance', {
    problems: { 404: NOT_FOUND },
  })
  get(@RecordId('decisionId') decisionId: string, @Query() q: AsOfQueryDto): Promise<DecisionRegisterDetailAsOfSchema> {
    return asOfRecord(this.engine, NAME, q, (view) => new DecisionRegisterReader(view).get(decisionId));
  }

  @Get(':decisionId/history')
  @AsOfRead(RecordETag)
  @ApiOperation({
    operationId: 'getDecisionRegisterHistoryAsOf',
    summary: "The decision's history and its sign-offs' as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(DecisionHistoryAsOfSchema, 'The history then, with asOf provenance', { problems: { 404: NOT_FOUND } })
  history(@RecordId('decisionId') decisionId: string, @Query() q: AsOfQueryDto): Promise<DecisionHistoryAsOfSchema> {
    return asOfRecord(this.engine, NAME, q, (view) => new DecisionRegisterReader(view).history(decisionId));
  }
}
