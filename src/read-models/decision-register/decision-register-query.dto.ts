import { ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { DateFilter, PageQueryDto } from '../../http/page-query.dto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DECISION_OUTCOMES, type DecisionOutcome, type DecisionStatus } from '../../decisions';
import { IdFilter } from '../../http/ids';
import type { DecisionRegisterQuery } from '../../../projections/decision-register/decision-register.queries';

export const DECISION_STATUSES: readonly DecisionStatus[] = ['in-force', 'rescinded', 'superseded'];

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters and paging for GET /decision-register; every filter given must match. */
export class DecisionRegisterQueryDto extends PageQueryDto {
  @IdFilter('Decisions made at meetings of this board', 'wseb')
  board?: string;

  @IdFilter('Decisions made at this meeting', 'wseb-2022-05-10')
  meeting?: string;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  outcome?: DecisionOutcome;

  @ApiPropertyOptional({ enum: DECISION_STATUSES })
  @IsOptional()
  @IsIn(DECISION_STATUSES)
  status?: DecisionStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only decisions with a condition not yet satisfied (or, with false, only those with none outstanding)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasUnsatisfiedConditions?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "Only decisions made at a quorate meeting (or, with false, an inquorate one) under its board's rule then",
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  quorate?: boolean;

  @DateFilter('Meetings on or after this date (UTC)', '2022-01-01')
  from?: string;

  @DateFilter('Meetings on or before this date (UTC)', '2022-12-31')
  to?: string;
}

/** The reader's filters from the query string: the live list and the as-of list ask the same. */
export function registerFilters(q: DecisionRegisterQueryDto): DecisionRegisterQuery {
  return {
    boardId: q.board,
    meetingId: q.meeting,
    outcome: q.outcome,
    status: q.status,
    hasUnsatisfiedConditions: q.hasUnsatisfiedConditions,
    from: q.from,
    to: q.to,
    quorate: q.quorate,
  };
}
