import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /people; every filter given must match. */
export class PeopleQueryDto extends PageQueryDto {
  @IdFilter('People who represent this partner (now, or on the date `on`)', 'warwickshire-police')
  partner?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Judge the partner filter by the role in force that day' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  on?: string;

  @ApiPropertyOptional({ maxLength: 120, description: "Part of the person's name" })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;
}

/** GET /as-of/people: the live list's filters and paging, at a past point of the log. */
export class AsOfPeopleQueryDto extends IntersectionType(PeopleQueryDto, AsOfQueryDto) {}
