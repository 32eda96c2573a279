import { ApiPropertyOptional, IntersectionType } from '../../shared/openapi/deferred-swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { BOARD_KINDS, type BoardKind } from '../../partners';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /boards; every filter given must match. */
export class BoardsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BOARD_KINDS })
  @IsOptional()
  @IsIn(BOARD_KINDS)
  kind?: BoardKind;

  @IdFilter('Only the groups that report to this board', 'wseb')
  parent?: string;
}

/** GET /as-of/boards: the live list's filters and paging, at a past point of the log. */
export class AsOfBoardsQueryDto extends IntersectionType(BoardsQueryDto, AsOfQueryDto) {}
