import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SIGNOFF_STATUSES, type SignoffStatus } from '../../../projections/signoffs/signoff-doc';
import { ID_PATTERN } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

const idFilter = (description: string, example: string) => ({
  pattern: ID_PATTERN.source,
  maxLength: 80,
  description,
  example,
});
const SLUG = { message: '$property must be a lower-case slug (letters, digits, dashes)' };

/** Filters and paging for GET /signoffs; every filter given must match. */
export class SignoffsQueryDto extends PageQueryDto {
  @ApiPropertyOptional(idFilter('Only the sign-offs of this decision', 'dec-2024-07'))
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, SLUG)
  decision?: string;

  @ApiPropertyOptional({ enum: SIGNOFF_STATUSES })
  @IsOptional()
  @IsIn(SIGNOFF_STATUSES)
  status?: SignoffStatus;

  @ApiPropertyOptional(idFilter('Only the sign-offs this partner signed (any version)', 'warwickshire-police'))
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, SLUG)
  signer?: string;
}

/** GET /as-of/signoffs: the live list's filters and paging, at a past point of the log. */
export class AsOfSignoffsQueryDto extends IntersectionType(SignoffsQueryDto, AsOfQueryDto) {}
