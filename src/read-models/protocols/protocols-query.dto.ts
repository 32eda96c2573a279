import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /escalation-protocols; every filter given must match. */
export class ProtocolsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 120,
    description: 'Only protocols whose version in force has a stage of this name (case-insensitive)',
    example: 'Chair',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  stage?: string;
}

/** GET /as-of/escalation-protocols: the live list's filters and paging, at a past point of the log. */
export class AsOfProtocolsQueryDto extends IntersectionType(ProtocolsQueryDto, AsOfQueryDto) {}
