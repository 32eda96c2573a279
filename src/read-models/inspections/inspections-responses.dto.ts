import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { RECOMMENDATION_STATUSES } from '../../../projections/inspections/inspections.queries';
import { INSPECTION_BODIES, RAG_STATUSES, RECOMMENDATION_KINDS } from '../../inspections';
import {
  asOf,
  dateProperty as date,
  historyOf,
  idProperty,
  pageOf,
  recorded,
} from '../registry/registry-responses.dto';
import { CitationDto } from '../registry/citation.dto';

export class RecommendationUpdateDto {
  @ApiProperty(date('The day the update was given')) updatedOn!: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional({ enum: RAG_STATUSES }) rag?: string;
  @ApiPropertyOptional(date('The next update is due by then')) nextUpdateDue?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'It was set as "within N months" of the update' })
  dueWithinMonths?: number;
}

export class RagEntryDto {
  @ApiProperty(date('Set on')) on!: string;
  @ApiProperty({ enum: RAG_STATUSES }) rag!: string;
  @ApiProperty({ enum: ['update', 'review'], description: 'With a progress update, or set on its own' }) setBy!: string;
  @ApiPropertyOptional() reason?: string;
}

export class EvidenceReferenceViewDto {
  @ApiProperty({ description: 'Ledger stream (GET /ledger/streams/{streamId})' }) streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiPropertyOptional({ format: 'uuid' }) eventId?: string;
}

export class RecommendationClosureDto {
  @ApiProperty(date('Closed on')) closedOn!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [EvidenceReferenceViewDto] }) evidence!: EvidenceReferenceViewDto[];
}

@ApiSchema({ name: 'InspectionRecommendation' })
export class RecommendationDto {
  @ApiProperty(idProperty('Recommendation id')) recommendationId!: string;
  @ApiProperty({ enum: RECOMMENDATION_KINDS }) kind!: string;
  @ApiProperty(idProperty('The partner that owns it')) ownerPartnerId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'The action plan: tracked actions' }) actionIds!: string[];
  @ApiPropertyOptional(date('The first update was due by then')) firstUpdateDue?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'It was set as "within N months" of publication' })
  dueWithinMonths?: number;
  @ApiProperty({ type: [RecommendationUpdateDto] }) updates!: RecommendationUpdateDto[];
  @ApiProperty({ type: [RagEntryDto], description: 'The RAG status over time' }) ragHistory!: RagEntryDto[];
  @ApiPropertyOptional({ type: RecommendationClosureDto }) closure?: RecommendationClosureDto;
  @ApiProperty({ enum: RECOMMENDATION_STATUSES, description: 'On measuredOn' }) status!: string;
  @ApiPropertyOptional(date('The update due on measuredOn (open recommendations)')) nextUpdateDue?: string;
  @ApiProperty({ description: 'Open with its update due before measuredOn: missed' }) overdue!: boolean;
  @ApiPropertyOptional({ enum: RAG_STATUSES, description: 'The RAG status on measuredOn' }) rag?: string;
  @ApiProperty({
    type: [CitationDto],
    description: 'Actions, decisions and sign-offs that cite this recommendation (serves)',
  })
  citedBy!: CitationDto[];
}

export class RecommendationCountsDto {
  @ApiProperty({ type: 'integer', description: 'Of all its recommendations, whatever the filters' }) open!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer' }) closed!: number;
}

class InspectionFieldsDto {
  @ApiProperty(idProperty('Inspection id')) inspectionId!: string;
  @ApiProperty({ enum: INSPECTION_BODIES }) body!: string;
  @ApiPropertyOptional() bodyName?: string;
  @ApiProperty() title!: string;
  @ApiProperty(date('First day of fieldwork')) fieldworkFrom!: string;
  @ApiProperty(date('Last day of fieldwork')) fieldworkTo!: string;
  @ApiProperty(date('Report published on')) publishedOn!: string;
  @ApiProperty() reportReference!: string;
  @ApiPropertyOptional() reportUrl?: string;
  @ApiProperty({ type: [String], description: 'The agencies inspected' }) partnerIds!: string[];
  @ApiPropertyOptional() monitoredBy?: string;
  @ApiProperty({ type: [RecommendationDto] }) recommendations!: RecommendationDto[];
  @ApiProperty({ type: RecommendationCountsDto }) counts!: RecommendationCountsDto;
  @ApiProperty({
    type: [CitationDto],
    description: 'What came of it: actions, decisions and sign-offs that cite it or a recommendation (serves)',
  })
  citedBy!: CitationDto[];
}

/** GET /inspections/{inspectionId}: the inspection and its recommendations measured at measuredOn. */
export class InspectionDto extends recorded(InspectionFieldsDto, 'lastChange') {
  @ApiProperty(date('The business date it is measured at')) measuredOn!: string;
}

export class InspectionPageDto extends pageOf(InspectionDto) {}

export class InspectionHistoryDto extends historyOf('inspectionId', 'Inspection id') {}

export class InspectionAsOfDto extends asOf(InspectionDto) {}

export class InspectionPageAsOfDto extends asOf(InspectionPageDto) {}

export class InspectionHistoryAsOfDto extends asOf(InspectionHistoryDto) {}
