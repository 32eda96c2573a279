import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { RISK_STATUSES } from '../../../projections/risks/risks.queries';
import { RISK_CATEGORIES } from '../../risks';
import {
  asOf,
  dateProperty as date,
  historyOf,
  idProperty,
  pageOf,
  recorded,
} from '../registry/registry-responses.dto';

const rating = (description: string) => ({ type: 'integer' as const, minimum: 1, maximum: 5, description });

export class RiskScoreDto {
  @ApiProperty(date('The day it was scored')) scoredOn!: string;
  @ApiProperty(rating('Likelihood, 1-5')) likelihood!: number;
  @ApiProperty(rating('Impact, 1-5')) impact!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 25, description: 'likelihood x impact' }) score!: number;
  @ApiPropertyOptional({ description: 'Why it was rescored (absent on the first scoring)' }) reason?: string;
}

export class RiskControlDto {
  @ApiProperty(idProperty('Control id')) controlId!: string;
  @ApiProperty() description!: string;
  @ApiProperty(date('Put in place on')) addedOn!: string;
  @ApiPropertyOptional(date('Removed on')) removedOn?: string;
  @ApiPropertyOptional() removalReason?: string;
  @ApiProperty({ description: 'In force on measuredOn' }) inForce!: boolean;
}

export class RiskReviewDto {
  @ApiProperty(date('Reviewed on')) reviewedOn!: string;
  @ApiProperty({ example: 'No new risks identified' }) outcome!: string;
  @ApiPropertyOptional({ description: 'The meeting that reviewed it' }) meetingId?: string;
  @ApiPropertyOptional(date('The next review is due by then')) nextReviewDue?: string;
}

export class RiskEscalationDto {
  @ApiProperty(date('Escalated on')) escalatedOn!: string;
  @ApiProperty(idProperty('The board it was escalated to')) boardId!: string;
  @ApiPropertyOptional({ description: 'The board meeting it was taken to' }) meetingId?: string;
  @ApiProperty() reason!: string;
}

export class RiskClosureDto {
  @ApiProperty(date('Closed on')) closedOn!: string;
  @ApiProperty() reason!: string;
}

class RiskFieldsDto {
  @ApiProperty(idProperty('Risk id')) riskId!: string;
  @ApiProperty(idProperty('The partner that owns it')) ownerPartnerId!: string;
  @ApiProperty({ enum: RISK_CATEGORIES }) category!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty(date('Identified on')) identifiedOn!: string;
  @ApiPropertyOptional(date('The review date set when it was recorded')) firstReviewDue?: string;
  @ApiProperty({ enum: RISK_STATUSES, description: 'On measuredOn' }) status!: string;
  @ApiProperty(rating('Likelihood on measuredOn')) likelihood!: number;
  @ApiProperty(rating('Impact on measuredOn')) impact!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 25, description: 'The score on measuredOn' }) score!: number;
  @ApiProperty({ type: [RiskScoreDto], description: 'Every scoring up to measuredOn, oldest first' })
  scores!: RiskScoreDto[];
  @ApiProperty({ type: [RiskControlDto], description: 'Controls put in place by measuredOn' })
  controls!: RiskControlDto[];
  @ApiProperty({ type: [RiskReviewDto], description: 'Reviews held by measuredOn' }) reviews!: RiskReviewDto[];
  @ApiProperty({ type: [RiskEscalationDto], description: 'Escalations by measuredOn' })
  escalations!: RiskEscalationDto[];
  @ApiPropertyOptional(date('The review due on measuredOn (open risks)')) nextReviewDue?: string;
  @ApiProperty({ description: 'Open with its review due before measuredOn: missed' }) reviewOverdue!: boolean;
  @ApiPropertyOptional({ type: RiskClosureDto, description: 'When closed by measuredOn' }) closure?: RiskClosureDto;
}

/** GET /risks/{riskId}: the risk measured at measuredOn. */
export class RiskDto extends recorded(RiskFieldsDto, 'lastChange') {
  @ApiProperty(date('The business date it is measured at')) measuredOn!: string;
}

export class RiskPageDto extends pageOf(RiskDto) {}

export class RiskHistoryDto extends historyOf('riskId', 'Risk id') {}

export class RiskAsOfDto extends asOf(RiskDto) {}

export class RiskPageAsOfDto extends asOf(RiskPageDto) {}

export class RiskHistoryAsOfDto extends asOf(RiskHistoryDto) {}
