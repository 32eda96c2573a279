import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RISK_STATUSES, type RiskStatus } from '../../../projections/risks/risks.queries';
import { IdFilter } from '../../http/ids';
import { BooleanFilter, PageQueryDto } from '../../http/page-query.dto';
import { RISK_CATEGORIES, type RiskCategory } from '../../risks';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { MeasuredOnDto } from '../case-reviews/case-reviews-query.dto';

/** Filters and paging for GET /risks; every filter given must match. */
export class RisksQueryDto extends IntersectionType(MeasuredOnDto, PageQueryDto) {
  @IdFilter('Only risks this partner owns', 'warwickshire-county-council')
  ownerPartnerId?: string;

  @ApiPropertyOptional({ enum: RISK_CATEGORIES })
  @IsOptional()
  @IsIn(RISK_CATEGORIES)
  category?: RiskCategory;

  @ApiPropertyOptional({ enum: RISK_STATUSES, description: 'Only risks open or closed on measuredOn' })
  @IsOptional()
  @IsIn(RISK_STATUSES)
  status?: RiskStatus;

  @BooleanFilter('Only risks whose review was (true) or was not (false) overdue on measuredOn')
  overdue?: boolean;
}

/** GET /as-of/risks: the live list's filters and paging, at a past point of the log. */
export class AsOfRisksQueryDto extends IntersectionType(RisksQueryDto, AsOfQueryDto) {}

/** The reader's query from either list's parameters. */
export const risksQuery = (q: RisksQueryDto, measuredOn: string) => ({
  measuredOn,
  ownerPartnerId: q.ownerPartnerId,
  category: q.category,
  status: q.status,
  overdue: q.overdue,
});
