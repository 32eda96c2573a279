import { ApiPropertyOptional } from '../../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageCursor, PageLimit } from '../../../http/page-query.dto';
import type { PackStatus } from '../../domain/evidence-pack';

export const PACK_STATUSES: readonly PackStatus[] = ['queued', 'generating', 'completed', 'failed'];

export class ListEvidencePacksDto {
  @ApiPropertyOptional({ enum: PACK_STATUSES })
  @IsOptional()
  @IsIn(PACK_STATUSES)
  status?: PackStatus;

  @PageLimit()
  limit?: number;

  @PageCursor(100)
  cursor?: string;
}
