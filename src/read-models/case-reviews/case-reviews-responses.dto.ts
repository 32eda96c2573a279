import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { CASE_REVIEW_STATUSES } from '../../../projections/case-reviews/case-reviews.queries';
import {
  BRIEFING_FORMATS,
  CASE_REVIEW_TYPES,
  DELAY_REASONS,
  FINDING_KINDS,
  PANEL_RESPONSES,
  SUBJECT_RELATIONS,
} from '../../case-reviews';
import {
  asOf,
  dateProperty as date,
  historyOf,
  idProperty,
  pageOf,
  recorded,
} from '../registry/registry-responses.dto';
import { CitationDto } from '../registry/citation.dto';

export class ReviewSubjectDto {
  @ApiProperty(idProperty('Pseudonymous data subject id: the name stays sealed in the ledger')) subjectId!: string;
  @ApiProperty({ enum: SUBJECT_RELATIONS }) relation!: string;
}

export class RapidReviewDto {
  @ApiProperty(date('Completed on')) completedOn!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty() recommendsCspr!: boolean;
}

export class PanelResponseDto {
  @ApiProperty(date('The day the National Panel responded')) respondedOn!: string;
  @ApiProperty({ enum: PANEL_RESPONSES }) response!: string;
  @ApiProperty() summary!: string;
}

export class CommissioningDto {
  @ApiProperty(date('Decided on')) decidedOn!: string;
  @ApiProperty({ description: 'True: a review was commissioned' }) commission!: boolean;
  @ApiProperty() reasons!: string;
}

export class ReviewerDto {
  @ApiProperty(date('Appointed on')) appointedOn!: string;
  @ApiProperty() reviewer!: string;
  @ApiProperty() termsOfReference!: string;
}

export class ReviewDraftDto {
  @ApiProperty() version!: string;
  @ApiProperty(date('Received on')) receivedOn!: string;
  @ApiProperty({ description: 'SHA-256 of the draft, lower-case hex' }) contentHash!: string;
}

export class PublicationDelayDto {
  @ApiProperty(date('Decided on')) delayedOn!: string;
  @ApiProperty({ enum: DELAY_REASONS }) reason!: string;
  @ApiProperty() detail!: string;
  @ApiProperty(date('When the delay is to be reviewed')) reviewOn!: string;
}

export class PublicationDto {
  @ApiProperty(date('Published on')) publishedOn!: string;
  @ApiProperty(idProperty('The completed sign-off of the published text')) signoffId!: string;
  @ApiPropertyOptional() url?: string;
}

export class FindingDto {
  @ApiProperty(idProperty('Finding id')) findingId!: string;
  @ApiProperty({ enum: FINDING_KINDS }) kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'Tracked actions that answer it' }) actionIds!: string[];
}

export class BriefingDto {
  @ApiProperty(idProperty('Briefing id')) briefingId!: string;
  @ApiProperty({ enum: BRIEFING_FORMATS }) format!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'on-hold', 'published'] }) status!: string;
  @ApiPropertyOptional() heldReason?: string;
  @ApiPropertyOptional(date('Published on')) publishedOn?: string;
  @ApiProperty({ type: [String], description: 'Where it was disseminated' }) disseminatedTo!: string[];
}

export class DeadlineRuleDto {
  @ApiProperty({ description: 'Version of the statutory deadline configuration', example: 'wt-2018' }) version!: string;
  @ApiProperty(date('When that version took effect')) effectiveFrom!: string;
  @ApiProperty() source!: string;
  @ApiPropertyOptional({ type: 'integer' }) workingDays?: number;
  @ApiPropertyOptional({ type: 'integer' }) months?: number;
}

export class DeadlineDelayDto extends PublicationDelayDto {
  @ApiProperty({ description: 'The review date has passed on the measuring date' }) reviewOverdue!: boolean;
}

@ApiSchema({ name: 'CaseReviewDeadline' })
export class DeadlineDto {
  @ApiProperty({ enum: ['notification', 'rapid-review', 'publication'] }) milestone!: string;
  @ApiProperty({ type: DeadlineRuleDto }) rule!: DeadlineRuleDto;
  @ApiProperty(date('The day the clock started')) startedOn!: string;
  @ApiPropertyOptional(date('The last day within the deadline')) dueBy?: string;
  @ApiPropertyOptional(date('The day it was done')) doneOn?: string;
  @ApiProperty({ enum: ['met', 'late', 'due', 'breached', 'delayed', 'unmeasured'] }) status!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Working days (calendar days for a months rule) left' })
  daysRemaining?: number;
  @ApiPropertyOptional(date('The first day it was overdue')) breachedOn?: string;
  @ApiPropertyOptional({ type: DeadlineDelayDto }) delay?: DeadlineDelayDto;
}

class CaseReviewFieldsDto {
  @ApiProperty(idProperty('Case review id')) caseReviewId!: string;
  @ApiProperty({ enum: CASE_REVIEW_TYPES }) type!: string;
  @ApiProperty({ enum: CASE_REVIEW_TYPES, description: 'What it was opened as' }) openedAs!: string;
  @ApiProperty({ description: 'Never a name' }) title!: string;
  @ApiProperty(date('When the local authority became aware')) awareOn!: string;
  @ApiPropertyOptional(idProperty('Overseeing board')) boardId?: string;
  @ApiProperty({ type: [ReviewSubjectDto] }) dataSubjects!: ReviewSubjectDto[];
  @ApiPropertyOptional(date('National Panel notified on')) notifiedOn?: string;
  @ApiPropertyOptional({ type: RapidReviewDto }) rapidReview?: RapidReviewDto;
  @ApiProperty({ type: [PanelResponseDto] }) panelResponses!: PanelResponseDto[];
  @ApiPropertyOptional({ type: CommissioningDto }) commissioning?: CommissioningDto;
  @ApiPropertyOptional({ type: ReviewerDto }) reviewer?: ReviewerDto;
  @ApiProperty({ type: [ReviewDraftDto] }) drafts!: ReviewDraftDto[];
  @ApiProperty({ type: [String], description: 'Linked sign-offs (GET /signoffs/{signoffId})' }) signoffIds!: string[];
  @ApiProperty({ type: [PublicationDelayDto] }) delays!: PublicationDelayDto[];
  @ApiPropertyOptional({ type: PublicationDto }) publication?: PublicationDto;
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ type: [BriefingDto] }) briefings!: BriefingDto[];
  @ApiProperty({ type: [CitationDto], description: 'Actions, decisions and sign-offs that cite it (serves)' })
  citedBy!: CitationDto[];
}

/** GET /case-reviews/{caseReviewId}: the review's facts, status and statutory clocks at measuredOn. */
export class CaseReviewDto extends recorded(CaseReviewFieldsDto, 'lastChange') {
  @ApiProperty(date('The business date the clocks are read at')) measuredOn!: string;
  @ApiProperty({ enum: CASE_REVIEW_STATUSES }) status!: string;
  @ApiProperty({ type: [DeadlineDto] }) deadlines!: DeadlineDto[];
  @ApiProperty({ description: 'A statutory deadline has passed undone on measuredOn' }) breached!: boolean;
}

export class CaseReviewPageDto extends pageOf(CaseReviewDto) {}

export class CaseReviewHistoryDto extends historyOf('caseReviewId', 'Case review id') {}

export class CaseReviewAsOfDto extends asOf(CaseReviewDto) {}

export class CaseReviewPageAsOfDto extends asOf(CaseReviewPageDto) {}

export class CaseReviewHistoryAsOfDto extends asOf(CaseReviewHistoryDto) {}
