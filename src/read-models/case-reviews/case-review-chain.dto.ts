import { ApiProperty } from '../../shared/openapi/deferred-swagger';
import { CHAIN_STAGES } from '../../../projections/case-reviews/case-review-chain';
import { CASE_REVIEW_TYPES } from '../../case-reviews';
import { asOf, idProperty, RecordHistoryEntryDto } from '../registry/registry-responses.dto';

/** One event of a case review's chain: the stage, the record, what happened, who, when, where to verify it. */
export class CaseReviewChainStepDto extends RecordHistoryEntryDto {
  @ApiProperty({ enum: CHAIN_STAGES, description: 'Where in the chain it belongs' }) stage!: string;
  @ApiProperty({ enum: ['case-review', 'signoff', 'decision', 'action'] }) recordKind!: string;
  @ApiProperty(idProperty('The record the event is of')) recordId!: string;
}

/** GET /case-reviews/{caseReviewId}/chain: notification to learning, with actors and dates, in one answer. */
export class CaseReviewChainDto {
  @ApiProperty(idProperty('Case review id')) caseReviewId!: string;
  @ApiProperty({ description: 'Never a name' }) title!: string;
  @ApiProperty({ enum: CASE_REVIEW_TYPES }) type!: string;
  @ApiProperty({
    type: [CaseReviewChainStepDto],
    description:
      'In stage order (opened, notification, rapid-review, panel-response, commissioning, reviewer, draft, decision, sign-off, publication, finding, action, briefing); within a stage, record by record, each in ledger order',
  })
  steps!: CaseReviewChainStepDto[];
}

export class CaseReviewChainAsOfDto extends asOf(CaseReviewChainDto) {}
