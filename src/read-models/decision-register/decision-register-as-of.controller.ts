import { RenamedQueryParameter } from '../../http/deprecation';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { AsOfETag, RecordETag } from '../etag/read-etag';
import { Requires } from '../../auth/requires.decorator';
import { RecordId } from '../../http/id.pipe';
import { DecisionRegisterReader } from './decision-register.reader';
import { registerFilters } from './decision-register-query.dto';
import { provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto, bitemporal, KNOWN_AT_RENAMED } from '../as-of/as-of-query.dto';
import { AsOfDecisionRegisterQueryDto } from '../as-of/as-of-register-queries.dto';

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
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @AsOfETag()
  @Requires('ledger:read')
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
  async list(
    @Query() q: AsOfDecisionRegisterQueryDto,
  ): Promise<Page<DecisionRegisterItemSchema> & { asOf: AsOfProvenanceSchema }> {
    const answer = await this.answer(q);
    return {
      asOf: provenance(answer),
      ...new DecisionRegisterReader(viewOf(answer)).list(registerFilters(q), q.limit ?? 50, q.cursor),
    };
  }

  @Get(':decisionId')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getDecisionRegisterEntryAsOf',
    summary:
      'One decision with its meeting, conditions, status and sign-offs as known at knownAt (recording time) and true at validAt (business time)',
  })
  @RecordRead(DecisionRegisterDetailAsOfSchema, 'The decision then, with asOf provenance', {
    problems: { 404: NOT_FOUND },
  })
  async get(
    @RecordId('decisionId') decisionId: string,
    @Query() q: AsOfQueryDto,
  ): Promise<DecisionRegisterDetailAsOfSchema> {
    const answer = await this.answer(q);
    return { ...new DecisionRegisterReader(viewOf(answer)).get(decisionId), asOf: provenance(answer) };
  }

  @Get(':decisionId/history')
  @RenamedQueryParameter(KNOWN_AT_RENAMED)
  @RecordETag()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getDecisionRegisterHistoryAsOf',
    summary: "The decision's history and its sign-offs' as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(DecisionHistoryAsOfSchema, 'The history then, with asOf provenance', { problems: { 404: NOT_FOUND } })
  async history(
    @RecordId('decisionId') decisionId: string,
    @Query() q: AsOfQueryDto,
  ): Promise<DecisionHistoryAsOfSchema> {
    const answer = await this.answer(q);
    return { ...new DecisionRegisterReader(viewOf(answer)).history(decisionId), asOf: provenance(answer) };
  }

  private answer(q: AsOfQueryDto): Promise<AsOfAnswer> {
    return this.engine.answer(decisionRegisterProjection.name, bitemporal(q));
  }
}
