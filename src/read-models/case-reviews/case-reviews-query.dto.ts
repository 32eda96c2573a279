import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { CASE_REVIEW_STATUSES, type CaseReviewStatus } from '../../../projections/case-reviews/case-reviews.queries';
import { CASE_REVIEW_TYPES, type CaseReviewType } from '../../case-reviews';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The business date the statutory clocks are read at; shared by every case-review read. */
export class MeasuredOnDto {
  @ApiPropertyOptional({
    format: 'date',
    description:
      'Business date the deadlines are measured at (end of that day in England): days remaining and breaches as they stood then. Default: today; as of a past point, that point’s date',
    example: '2022-09-06',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  measuredOn?: string;
}

/** Filters and paging for GET /case-reviews; every filter given must match. */
export class CaseReviewsQueryDto extends IntersectionType(MeasuredOnDto, PageQueryDto) {
  @ApiPropertyOptional({ enum: CASE_REVIEW_TYPES })
  @IsOptional()
  @IsIn(CASE_REVIEW_TYPES)
  type?: CaseReviewType;

  @ApiPropertyOptional({ enum: CASE_REVIEW_STATUSES })
  @IsOptional()
  @IsIn(CASE_REVIEW_STATUSES)
  status?: CaseReviewStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only reviews with (true) or without (false) a breached deadline on measuredOn',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  breached?: boolean;
}

/** The reader's query from the list's filters, measured at the date given. */
export const caseReviewsQuery = (q: CaseReviewsQueryDto, measuredOn: string) => ({
  measuredOn,
  type: q.type,
  status: q.status,
  breached: q.breached,
});

/** One as-of case review: knownAt/validAt with the measuring date. */
export class AsOfMeasuredOnDto extends IntersectionType(MeasuredOnDto, AsOfQueryDto) {}

/** GET /as-of/case-reviews: the live list's filters and paging, at a past point of the log. */
export class AsOfCaseReviewsQueryDto extends IntersectionType(CaseReviewsQueryDto, AsOfQueryDto) {}
