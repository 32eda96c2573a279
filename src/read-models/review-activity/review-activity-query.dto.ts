import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsOptional, Matches } from 'class-validator';
import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /review-activity; every filter given must match. */
export class ReviewActivityQueryDto extends PageQueryDto {
  @IdFilter('Only this board’s activity', 'wseb')
  board?: string;

  @ApiPropertyOptional({ description: 'Only this reporting year (YYYY-YY)', example: '2019-20' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: '$property must be a reporting year YYYY-YY' })
  period?: string;
}

/** GET /as-of/review-activity: the live list's filters and paging, at a past point of the log. */
export class AsOfReviewActivityQueryDto extends IntersectionType(ReviewActivityQueryDto, AsOfQueryDto) {}
