import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOARD_KINDS } from '../../partners';
import { AsOfProvenanceDto, idProperty, RecordHistoryEntryDto, StampDto } from '../registry/registry-responses.dto';

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
  @ApiProperty({ type: 'integer', description: "The record's stream revision: the ETag its commands take as If-Match" })
  revision!: number;
  @ApiProperty({ type: StampDto }) registered!: StampDto;
}

export class BoardPageDto {
  @ApiProperty({ type: [BoardDto] }) items!: BoardDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Null on the last page' }) nextCursor!: string | null;
}

export class BoardHistoryDto {
  @ApiProperty(idProperty('Board id')) boardId!: string;
  @ApiProperty({ type: [RecordHistoryEntryDto], description: 'Its registration and those of groups under it' })
  entries!: RecordHistoryEntryDto[];
}

export class BoardAsOfDto extends BoardDto {
  @ApiProperty({ type: AsOfProvenanceDto }) asOf!: AsOfProvenanceDto;
}

export class BoardPageAsOfDto extends BoardPageDto {
  @ApiProperty({ type: AsOfProvenanceDto }) asOf!: AsOfProvenanceDto;
}

export class BoardHistoryAsOfDto extends BoardHistoryDto {
  @ApiProperty({ type: AsOfProvenanceDto }) asOf!: AsOfProvenanceDto;
}
