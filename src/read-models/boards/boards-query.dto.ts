import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../http/ids';
import { PageQueryDto } from '../../http/page-query.dto';
import { BOARD_KINDS, type BoardKind } from '../../partners';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';

/** Filters and paging for GET /boards; every filter given must match. */
export class BoardsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BOARD_KINDS })
  @IsOptional()
  @IsIn(BOARD_KINDS)
  kind?: BoardKind;

  @ApiPropertyOptional({
    pattern: ID_PATTERN.source,
    maxLength: 80,
    description: 'Only the groups that report to this board',
    example: 'wseb',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(ID_PATTERN, { message: '$property must be a lower-case slug (letters, digits, dashes)' })
  parent?: string;
}

/** GET /as-of/boards: the live list's filters and paging, at a past point of the log. */
export class AsOfBoardsQueryDto extends IntersectionType(BoardsQueryDto, AsOfQueryDto) {}
