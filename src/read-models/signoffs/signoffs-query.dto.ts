import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SIGNOFF_STATUSES, type SignoffStatus } from '../../../projections/signoffs/signoff-doc';
import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /signoffs; every filter given must match. */
export class SignoffsQueryDto extends PageQueryDto {
  @IdFilter('Only the sign-offs of this decision', 'dec-2024-07')
  decision?: string;

  @ApiPropertyOptional({ enum: SIGNOFF_STATUSES })
  @IsOptional()
  @IsIn(SIGNOFF_STATUSES)
  status?: SignoffStatus;

  @IdFilter('Only the sign-offs this partner signed (any version)', 'warwickshire-police')
  signer?: string;
}

/** GET /as-of/signoffs: the live list's filters and paging, at a past point of the log. */
export class AsOfSignoffsQueryDto extends IntersectionType(SignoffsQueryDto, AsOfQueryDto) {}
