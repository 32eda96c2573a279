import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { PARTNER_KINDS, type PartnerKind } from '../../partners';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Query strings arrive as text: only the words true and false are booleans, anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters and paging for GET /partners; every filter given must match. */
export class PartnersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_KINDS })
  @IsOptional()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;

  @ApiPropertyOptional({ type: Boolean, description: 'Only statutory safeguarding partners (or only the others)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  statutory?: boolean;

  @ApiPropertyOptional({ enum: ['active', 'succeeded'], description: 'succeeded: its functions passed to another' })
  @IsOptional()
  @IsIn(['active', 'succeeded'])
  status?: 'active' | 'succeeded';

  @ApiPropertyOptional({ maxLength: 120, description: 'Part of any name it has borne, current or former' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;
}

/** GET /as-of/partners: the live list's filters and paging, at a past point of the log. */
export class AsOfPartnersQueryDto extends IntersectionType(PartnersQueryDto, AsOfQueryDto) {}
