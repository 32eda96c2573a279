import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IdFilter } from '../../http/ids';
import { DateFilter, PageQueryDto } from '../../http/page-query.dto';
import { IsAsOf } from '../as-of/as-of-query.dto';
import { AS_OF_DESCRIPTION } from '../as-of/as-of-register-queries.dto';

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
export class AsOfMeetingsQueryDto extends MeetingsQueryDto {
  @ApiProperty({ maxLength: 40, description: AS_OF_DESCRIPTION, example: '2022-07-01' })
  @IsString()
  @MaxLength(40)
  @IsAsOf()
  asOf!: string;
}
