import { ApiProperty, ApiPropertyOptional } from '../../shared/openapi/deferred-swagger';
import { PLAN_STATUSES } from '../../assurance';
import {
  asOf,
  dateProperty as date,
  historyOf,
  idProperty,
  pageOf,
  recorded,
} from '../registry/registry-responses.dto';
import { CitationDto } from '../registry/citation.dto';

export class ThematicFindingDto {
  @ApiProperty(idProperty('Finding id')) findingId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'The partners it is assigned to' }) partnerIds!: string[];
  @ApiProperty({ type: [String], description: "What came of it: the actions the partners' plans put against it" })
  actionIds!: string[];
}

export class PlanActionDto {
  @ApiProperty(idProperty('The finding it answers')) findingId!: string;
  @ApiProperty(idProperty('The tracked action (GET /actions/{actionId})')) actionId!: string;
}

export class PlanUpdateDto {
  @ApiProperty(date('Reported on')) reportedOn!: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status!: string;
  @ApiProperty() summary!: string;
}

export class PartnerPlanDto {
  @ApiProperty(idProperty('The partner')) partnerId!: string;
  @ApiProperty({ type: [String], description: 'The findings assigned to it' }) findingIds!: string[];
  @ApiProperty({ type: [PlanActionDto] }) actions!: PlanActionDto[];
  @ApiProperty({ enum: ['awaiting-plan', ...PLAN_STATUSES], description: 'As the partner last reported it' })
  status!: string;
  @ApiPropertyOptional(date('Its latest update')) lastReportedOn?: string;
  @ApiProperty({ type: [PlanUpdateDto] }) updates!: PlanUpdateDto[];
}

export class ThematicCompletionDto {
  @ApiProperty(date('Completed on')) completedOn!: string;
  @ApiProperty() summary!: string;
}

class ThematicReviewFieldsDto {
  @ApiProperty(idProperty('Thematic review id')) thematicReviewId!: string;
  @ApiProperty() title!: string;
  @ApiProperty(date('Opened on')) openedOn!: string;
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiPropertyOptional(idProperty('The board that monitors it')) boardId?: string;
  @ApiProperty({ type: [ThematicFindingDto] }) findings!: ThematicFindingDto[];
  @ApiProperty({ type: [PartnerPlanDto] }) plans!: PartnerPlanDto[];
  @ApiPropertyOptional({ type: ThematicCompletionDto }) completion?: ThematicCompletionDto;
  @ApiProperty({
    type: [CitationDto],
    description: 'What came of it: actions, decisions and sign-offs that cite it (serves)',
  })
  citedBy!: CitationDto[];
}

/** GET /thematic-reviews/{thematicReviewId}: the review, what came of each finding, each partner's plan. */
export class ThematicReviewDto extends recorded(ThematicReviewFieldsDto, 'lastChange') {}

export class AuditPartnerDto {
  @ApiProperty(idProperty('The partner asked')) partnerId!: string;
  @ApiProperty(date('Asked on')) askedOn!: string;
  @ApiPropertyOptional(date('Due on')) dueOn?: string;
  @ApiPropertyOptional(date('Its return came in on (absent: outstanding)')) returnedOn?: string;
}

export class ReturnRateDto {
  @ApiProperty({ type: 'integer' }) asked!: number;
  @ApiProperty({ type: 'integer' }) returned!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Returned of asked, rounded per cent' })
  percent!: number | null;
  @ApiPropertyOptional({ type: 'integer', description: "Last round's rate as reported" }) previousPercent?: number;
}

export class AuditFindingDto {
  @ApiProperty(idProperty('Finding id')) findingId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'What came of it: the resulting tracked actions' })
  actionIds!: string[];
}

export class AuditClosureDto {
  @ApiProperty(date('Closed on')) closedOn!: string;
  @ApiProperty({ type: [String], description: 'Partners whose return had not come in' })
  outstandingPartnerIds!: string[];
  @ApiPropertyOptional({ description: 'Why it closed without them' }) outstandingReason?: string;
}

class AuditFieldsDto {
  @ApiProperty(idProperty('Audit id')) auditId!: string;
  @ApiProperty() title!: string;
  @ApiProperty(date('Opened on')) openedOn!: string;
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiPropertyOptional() templates?: string;
  @ApiPropertyOptional() workingGroup?: string;
  @ApiPropertyOptional(idProperty('The board that commissioned it')) boardId?: string;
  @ApiProperty({ type: [AuditPartnerDto] }) partners!: AuditPartnerDto[];
  @ApiProperty({ type: ReturnRateDto }) returnRate!: ReturnRateDto;
  @ApiProperty({ type: [AuditFindingDto] }) findings!: AuditFindingDto[];
  @ApiPropertyOptional({ type: AuditClosureDto }) closure?: AuditClosureDto;
  @ApiProperty({
    type: [CitationDto],
    description: 'What came of it: actions, decisions and sign-offs that cite it or a finding (serves)',
  })
  citedBy!: CitationDto[];
}

/** GET /multi-agency-audits/{auditId}: themes, partners asked and their returns, the return rate, findings. */
export class AuditDto extends recorded(AuditFieldsDto, 'lastChange') {}

export class ThematicReviewPageDto extends pageOf(ThematicReviewDto) {}
export class AuditPageDto extends pageOf(AuditDto) {}

export class ThematicReviewHistoryDto extends historyOf('thematicReviewId', 'Thematic review id') {}

export class AuditHistoryDto extends historyOf('auditId', 'Audit id') {}

export class ThematicReviewAsOfDto extends asOf(ThematicReviewDto) {}
export class ThematicReviewPageAsOfDto extends asOf(ThematicReviewPageDto) {}
export class ThematicReviewHistoryAsOfDto extends asOf(ThematicReviewHistoryDto) {}
export class AuditAsOfDto extends asOf(AuditDto) {}
export class AuditPageAsOfDto extends asOf(AuditPageDto) {}
export class AuditHistoryAsOfDto extends asOf(AuditHistoryDto) {}
