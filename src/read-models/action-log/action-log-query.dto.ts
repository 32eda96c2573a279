import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { PageQueryDto } from '../../http/page-query.dto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ACTION_STATUSES, type ActionStatus } from '../../actions';
import { IdFilter } from '../../http/ids';
import type { ActionLogQuery } from '../../../projections/action-log/action-log.queries';

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** asOf was the overdue date's name here until /as-of/* gave asOf its one meaning: recording time. */
export const OVERDUE_ON_RENAMED = {
  old: 'asOf',
  replacement: 'overdueOn',
  since: '2026-12-06T00:00:00Z',
  documentation: '/docs#/action-log',
} as const;

/** The date overdue is judged at, under its name or the deprecated one; shared by the list and one action. */
export class ActionLogEntryQueryDto {
  @ApiPropertyOptional({ description: 'Date overdue is judged against (default: today)', example: '2022-07-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  overdueOn?: string;

  @ApiPropertyOptional({
    deprecated: true,
    description: 'Deprecated name of overdueOn (answers the same, with a Deprecation header); goes after one release',
    example: '2022-07-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

/** Filters and paging for GET /action-log; every filter given must match. */
export class ActionLogQueryDto extends IntersectionType(PageQueryDto, ActionLogEntryQueryDto) {
  @IdFilter('Actions raised at meetings of this board', 'wseb')
  board?: string;

  @ApiPropertyOptional({
    maxLength: 120,
    description: 'person:<id>, partner:<id>, team:<name>, or a bare id or team name',
    example: 'person:pete-hill',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  owner?: string;

  @IdFilter(
    "Actions owned by this partner agency: as an owner, or through a person owner's partner when the owners were set",
    'warwickshire-police',
  )
  partner?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Only open actions past the date they are due by (their due date, else the date of the meeting they are due back at) on overdueOn (or only the others, with false)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}

/** The reader's filters from the query string, overdue judged on `overdueOn`: the live and the as-of list ask the same. */
export function actionLogFilters(
  q: Pick<ActionLogQueryDto, 'board' | 'owner' | 'partner' | 'status' | 'overdue'>,
  overdueOn: string,
): ActionLogQuery {
  return {
    boardId: q.board,
    owner: q.owner,
    partnerId: q.partner,
    status: q.status,
    overdue: q.overdue,
    asOf: overdueOn,
  };
}
