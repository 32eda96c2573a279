import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UndescribedRead } from '../../http/endpoint-responses';
import { parseAsOf } from '../../../projections/as-of';
import { decisionRegisterProjection } from '../../../projections/decision-register/decision-register.projection';
import { Requires } from '../../auth/requires.decorator';
import { RecordId } from '../../http/id.pipe';
import { DecisionRegisterReader } from './decision-register.reader';
import { provenance, viewOf } from '../as-of/as-of-answer';
import { AsOfEngine, type AsOfAnswer } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfDecisionRegisterQueryDto } from '../as-of/as-of-register-queries.dto';

const NOT_FOUND = 'decision-not-found: no such decision had been recorded by then';

/**
 * The decision register as it stood at a past position or date: which decisions were recorded, in
 * force, their conditions and sign-offs, as anyone could have seen them then. The same reader and
 * pure views as GET /decision-register run over an as-of view of the projection.
 */
@ApiTags('decision-register')
@ApiBearerAuth()
@Controller('as-of/decision-register')
export class DecisionRegisterAsOfController {
  constructor(private readonly engine: AsOfEngine) {}

  @Get()
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'listDecisionRegisterAsOf',
    summary:
      'The decision register as it stood at a log position or as known at the end of a date (audit replay); same filters and paging as listDecisionRegister',
  })
  @UndescribedRead(
    false,
    {
      description: '{ asOf: { basis, requested, position, recordedAt, snapshot, replayed }, items, nextCursor }',
    },
    { 400: { description: 'asOf, a filter or the cursor is invalid' } },
  )
  async list(@Query() q: AsOfDecisionRegisterQueryDto) {
    const answer = await this.answer(q.asOf);
    const query = {
      boardId: q.board,
      meetingId: q.meeting,
      outcome: q.outcome,
      status: q.status,
      hasUnsatisfiedConditions: q.hasUnsatisfiedConditions,
      from: q.from,
      to: q.to,
    };
    return {
      asOf: provenance(answer),
      ...new DecisionRegisterReader(viewOf(answer)).list(query, q.limit ?? 50, q.cursor),
    };
  }

  @Get(':decisionId')
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getDecisionRegisterEntryAsOf',
    summary:
      'One decision with its meeting, conditions, status and sign-offs as they stood at a log position or as known at the end of a date',
  })
  @UndescribedRead(
    true,
    { description: 'The decision then, with asOf provenance' },
    { 404: { description: NOT_FOUND } },
  )
  async get(@RecordId('decisionId') decisionId: string, @Query() q: AsOfQueryDto) {
    const answer = await this.answer(q.asOf);
    return { ...new DecisionRegisterReader(viewOf(answer)).get(decisionId), asOf: provenance(answer) };
  }

  @Get(':decisionId/history')
  @Requires('ledger:read')
  @ApiOperation({
    operationId: 'getDecisionRegisterHistoryAsOf',
    summary: "The decision's history and its sign-offs' as recorded by a log position or the end of a date",
  })
  @UndescribedRead(true, { description: '{ decisionId, entries, asOf }' }, { 404: { description: NOT_FOUND } })
  async history(@RecordId('decisionId') decisionId: string, @Query() q: AsOfQueryDto) {
    const answer = await this.answer(q.asOf);
    return { ...new DecisionRegisterReader(viewOf(answer)).history(decisionId), asOf: provenance(answer) };
  }

  private answer(text: string): Promise<AsOfAnswer> {
    return this.engine.answer(decisionRegisterProjection.name, parseAsOf(text)!, text);
  }
}
