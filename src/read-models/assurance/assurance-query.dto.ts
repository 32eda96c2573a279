import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters and paging for GET /thematic-reviews and GET /multi-agency-audits; every filter given must match. */
export class AssuranceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only open (true) or completed/closed (false) records' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  open?: boolean;

  @IdFilter('Only those a finding went to (reviews) or a return was asked of (audits)', 'warwickshire-police')
  partner?: string;
}

/** The live lists' filters and paging, at a past point of the log. */
export class AsOfAssuranceQueryDto extends IntersectionType(AssuranceQueryDto, AsOfQueryDto) {}
