import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsOptional, Matches } from 'class-validator';
import { IdFilter } from '../../http/ids';
import { DateFilter, PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /meetings; every filter given must match. */
export class MeetingsQueryDto extends PageQueryDto {
  @IdFilter('Meetings of this board', 'wseb')
  board?: string;

  @DateFilter('Meetings on or after this date (UTC)', '2022-01-01')
  from?: string;

  @DateFilter('Meetings on or before this date (UTC)', '2022-12-31')
  to?: string;
}

/** GET /as-of/meetings: the live list's filters and paging, at a past point of the log. */
export class AsOfMeetingsQueryDto extends IntersectionType(MeetingsQueryDto, AsOfQueryDto) {}

/** GET /meetings/attendance-register: one board or all, one financial year or all. */
export class AttendanceRegisterQueryDto {
  @IdFilter('Members of this board', 'wseb')
  board?: string;

  @ApiPropertyOptional({
    description: 'Financial year, April to March',
    example: '2022-23',
    pattern: '^\\d{4}-\\d{2}$',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/)
  year?: string;
}

/** GET /as-of/meetings/attendance-register: the live register's filters, at a past point of the log. */
export class AsOfAttendanceRegisterQueryDto extends IntersectionType(AttendanceRegisterQueryDto, AsOfQueryDto) {}
