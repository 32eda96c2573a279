import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
} from '../../../projections/inspections/inspections.queries';
import { IdFilter } from '../../http/ids';
import { BooleanFilter, PageQueryDto } from '../../http/page-query.dto';
import { INSPECTION_BODIES, type InspectionBody } from '../../inspections';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { MeasuredOnDto } from '../case-reviews/case-reviews-query.dto';

/** Filters and paging for GET /inspections; every filter given must match. */
export class InspectionsQueryDto extends IntersectionType(MeasuredOnDto, PageQueryDto) {
  @ApiPropertyOptional({ enum: INSPECTION_BODIES })
  @IsOptional()
  @IsIn(INSPECTION_BODIES)
  body?: InspectionBody;

  @IdFilter('Only inspections of this agency', 'warwickshire-police')
  inspectedPartnerId?: string;

  @IdFilter('Only recommendations this partner owns (each inspection lists only those)', 'warwickshire-police')
  ownerPartnerId?: string;

  @ApiPropertyOptional({
    enum: RECOMMENDATION_STATUSES,
    description: 'Only recommendations open or closed on measuredOn',
  })
  @IsOptional()
  @IsIn(RECOMMENDATION_STATUSES)
  status?: RecommendationStatus;

  @BooleanFilter('Only recommendations whose update was (true) or was not (false) overdue on measuredOn')
  overdue?: boolean;
}

/** GET /as-of/inspections: the live list's filters and paging, at a past point of the log. */
export class AsOfInspectionsQueryDto extends IntersectionType(InspectionsQueryDto, AsOfQueryDto) {}

/** The reader's query from either list's parameters. */
export const inspectionsQuery = (q: InspectionsQueryDto, measuredOn: string) => ({
  measuredOn,
  body: q.body,
  inspectedPartnerId: q.inspectedPartnerId,
  ownerPartnerId: q.ownerPartnerId,
  status: q.status,
  overdue: q.overdue,
});
