import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { BOARD_KINDS, QUORUM_RULES } from '../../partners';
import { asOf, historyOf, idProperty, pageOf, recorded } from '../registry/registry-responses.dto';

export class SubgroupDto {
  @ApiProperty(idProperty('Board id of the group')) boardId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BOARD_KINDS }) kind!: string;
}

export class BoardMembershipDto {
  @ApiProperty(idProperty('Seat on the board')) seat!: string;
  @ApiProperty(idProperty('Partner the seat belongs to')) partnerId!: string;
  @ApiProperty(idProperty('Person holding the seat')) personId!: string;
  @ApiProperty({ description: 'A statutory partner seat' }) statutory!: boolean;
  @ApiProperty({ example: '2022-01-01' }) from!: string;
  @ApiPropertyOptional({ example: '2022-12-31', description: 'Last day held; absent while current' }) to?: string;
  @ApiPropertyOptional({ description: "Where the membership is recorded, e.g. the minutes' attendance list" })
  source?: string;
}

export class DeputyArrangementDto {
  @ApiProperty(idProperty('Seat deputised for')) seat!: string;
  @ApiProperty(idProperty('Deputy')) deputyPersonId!: string;
  @ApiProperty({ example: '2022-03-01' }) from!: string;
  @ApiPropertyOptional({ example: '2022-12-31' }) to?: string;
}

export class QuorumRuleDto {
  @ApiProperty({ enum: QUORUM_RULES }) rule!: string;
  @ApiPropertyOptional({ description: 'With minimum-count' }) minimum?: number;
  @ApiProperty({ example: '2022-01-01', description: 'In force from this date until the next rule' }) from!: string;
  @ApiPropertyOptional({ description: 'Where the rule comes from, or why it is assumed' }) source?: string;
}

class BoardFieldsDto {
  @ApiProperty(idProperty('Board id')) boardId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BOARD_KINDS }) kind!: string;
  @ApiPropertyOptional(idProperty('The board it reports to')) parentBoardId?: string;
  @ApiProperty({ type: [SubgroupDto], description: 'Groups registered under it, in the order registered' })
  subgroups!: SubgroupDto[];
  @ApiProperty({ type: [BoardMembershipDto], description: 'Current (no `to`) and past members, in the order added' })
  memberships!: BoardMembershipDto[];
  @ApiProperty({ type: [DeputyArrangementDto] }) deputies!: DeputyArrangementDto[];
  @ApiProperty({ type: [QuorumRuleDto], description: 'Quorum rules in the order set' }) quorumRules!: QuorumRuleDto[];
}

/** GET /boards/{boardId}: a board, the board it reports to and the groups that report to it. */
export class BoardDto extends recorded(BoardFieldsDto, 'registered') {}

export class BoardPageDto extends pageOf(BoardDto) {}

export class BoardHistoryDto extends historyOf(
  'boardId',
  'Board id',
  'Its registration and those of groups under it',
) {}

export class BoardAsOfDto extends asOf(BoardDto) {}

export class BoardPageAsOfDto extends asOf(BoardPageDto) {}

export class BoardHistoryAsOfDto extends asOf(BoardHistoryDto) {}
