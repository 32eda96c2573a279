import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /meetings; every filter given must match. */
export class MeetingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    maxLength: 80,
    description: 'Meetings of this board',
    example: 'wseb',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' })
  board?: string;

  @ApiPropertyOptional({ description: 'Meetings on or after this date (UTC)', example: '2022-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Meetings on or before this date (UTC)', example: '2022-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** GET /as-of/meetings: the live list's filters and paging, at a past point of the log. */
export class AsOfMeetingsQueryDto extends IntersectionType(MeetingsQueryDto, AsOfQueryDto) {}
