import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IdFilter } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { BOARD_KINDS, type BoardKind } from '../../partners';
import { AS_OF_DESCRIPTION } from '../as-of/as-of-register-queries.dto';
import { IsAsOf } from '../as-of/as-of-query.dto';

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
export class AsOfBoardsQueryDto extends BoardsQueryDto {
  @ApiProperty({ maxLength: 40, description: AS_OF_DESCRIPTION, example: '2022-07-01' })
  @IsString()
  @MaxLength(40)
  @IsAsOf()
  asOf!: string;
}
