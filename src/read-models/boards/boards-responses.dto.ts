import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOARD_KINDS } from '../../partners';
import {
  asOf,
  idProperty,
  pageOf,
  revisionProperty,
  RecordHistoryEntryDto,
  StampDto,
} from '../registry/registry-responses.dto';

export class SubgroupDto {
  @ApiProperty(idProperty('Board id of the group')) boardId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BOARD_KINDS }) kind!: string;
}

/** GET /boards/{boardId}: a board, the board it reports to and the groups that report to it. */
export class BoardDto {
  @ApiProperty(idProperty('Board id')) boardId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BOARD_KINDS }) kind!: string;
  @ApiPropertyOptional(idProperty('The board it reports to')) parentBoardId?: string;
  @ApiProperty({ type: [SubgroupDto], description: 'Groups registered under it, in the order registered' })
  subgroups!: SubgroupDto[];
  @ApiProperty(revisionProperty) revision!: number;
  @ApiProperty({ type: StampDto }) registered!: StampDto;
}

export class BoardPageDto extends pageOf(BoardDto) {}

export class BoardHistoryDto {
  @ApiProperty(idProperty('Board id')) boardId!: string;
  @ApiProperty({ type: [RecordHistoryEntryDto], description: 'Its registration and those of groups under it' })
  entries!: RecordHistoryEntryDto[];
}

export class BoardAsOfDto extends asOf(BoardDto) {}

export class BoardPageAsOfDto extends asOf(BoardPageDto) {}

export class BoardHistoryAsOfDto extends asOf(BoardHistoryDto) {}
