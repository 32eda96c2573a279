import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { PackStatus } from '../../domain/evidence-pack';

export const PACK_STATUSES: readonly PackStatus[] = ['queued', 'generating', 'completed', 'failed'];

export class ListEvidencePacksDto {
  @ApiPropertyOptional({ enum: PACK_STATUSES })
  @IsOptional()
  @IsIn(PACK_STATUSES)
  status?: PackStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ maxLength: 100, description: 'nextCursor from the previous page, with the same filters' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: '$property must be a cursor this API returned' })
  cursor?: string;
}
