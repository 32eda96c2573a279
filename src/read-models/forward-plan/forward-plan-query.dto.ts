import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PLAN_STATUSES, type PlanStatus } from '../../forward-plan';
import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /forward-plan; every filter given must match. */
export class ForwardPlanQueryDto extends PageQueryDto {
  @IdFilter("Only this board's plan", 'wseb')
  boardId?: string;

  @ApiPropertyOptional({
    description: 'Only items falling in this month (YYYY-MM) or later: the next meetings and months',
    example: '2023-04',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month YYYY-MM' })
  fromMonth?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES, description: 'planned, moved (still to come), dropped, or taken' })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;
}

/** GET /as-of/forward-plan: the live list's filters and paging, at a past point of the log. */
export class AsOfForwardPlanQueryDto extends IntersectionType(ForwardPlanQueryDto, AsOfQueryDto) {}

/** The reader's query from either list's parameters. */
export const forwardPlanQuery = (q: ForwardPlanQueryDto) => ({
  boardId: q.boardId,
  fromMonth: q.fromMonth,
  status: q.status,
});
