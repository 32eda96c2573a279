import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { PLAN_STATUSES, SOURCE_KINDS } from '../../forward-plan';
import { asOf, historyOf, idProperty, pageOf, recorded } from '../registry/registry-responses.dto';

const month = (description: string) => ({ description, pattern: '^\\d{4}-\\d{2}$', example: '2023-04' });

export class PlanSourceViewDto {
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: string;
  @ApiPropertyOptional(idProperty('The record it comes from')) id?: string;
}

@ApiSchema({ name: 'ForwardPlanTarget' })
export class PlanTargetViewDto {
  @ApiPropertyOptional(idProperty('A meeting of the board')) meetingId?: string;
  @ApiPropertyOptional(month('Or a month')) month?: string;
}

export class PlanMoveDto {
  @ApiProperty({ type: PlanTargetViewDto }) from!: PlanTargetViewDto;
  @ApiProperty({ type: PlanTargetViewDto }) to!: PlanTargetViewDto;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) movedAt!: string;
}

export class PlanDroppedDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) droppedAt!: string;
}

export class PlanAgendaDto {
  @ApiProperty(idProperty('The meeting that took it')) meetingId!: string;
  @ApiProperty({ type: 'integer', description: 'Its agenda item number' }) agendaItem!: number;
  @ApiProperty({ format: 'date-time' }) takenAt!: string;
}

class ForwardPlanItemFieldsDto {
  @ApiProperty(idProperty('Forward plan item id')) itemId!: string;
  @ApiProperty(idProperty('The board')) boardId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: PlanSourceViewDto }) from!: PlanSourceViewDto;
  @ApiPropertyOptional(idProperty('The meeting it is planned for (or was taken onto)')) meetingId?: string;
  @ApiProperty(month("The month it falls in: its own, or its meeting's")) month!: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: string;
  @ApiProperty({ type: [PlanMoveDto] }) moves!: PlanMoveDto[];
  @ApiPropertyOptional({ type: PlanDroppedDto }) dropped?: PlanDroppedDto;
  @ApiPropertyOptional({ type: PlanAgendaDto }) agenda?: PlanAgendaDto;
}

/** GET /forward-plan/{itemId}: one item, where it is planned now, its moves and how it ended. */
export class ForwardPlanItemDto extends recorded(ForwardPlanItemFieldsDto, 'lastChange') {}

export class ForwardPlanPageDto extends pageOf(ForwardPlanItemDto) {}

export class ForwardPlanHistoryDto extends historyOf('itemId', 'Forward plan item id') {}

export class ForwardPlanItemAsOfDto extends asOf(ForwardPlanItemDto) {}

export class ForwardPlanPageAsOfDto extends asOf(ForwardPlanPageDto) {}

export class ForwardPlanHistoryAsOfDto extends asOf(ForwardPlanHistoryDto) {}
