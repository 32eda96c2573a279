import { Module } from '@nestjs/common';
import {
  OpenThematicReviewController,
  OpenThematicReviewHandler,
} from './commands/open-thematic-review/open-thematic-review';
import {
  RecordThematicFindingController,
  RecordThematicFindingHandler,
} from './commands/record-thematic-finding/record-thematic-finding';
import { LinkPlanActionController, LinkPlanActionHandler } from './commands/link-plan-action/link-plan-action';
import {
  RecordPlanProgressController,
  RecordPlanProgressHandler,
} from './commands/record-plan-progress/record-plan-progress';
import {
  CompleteThematicReviewController,
  CompleteThematicReviewHandler,
} from './commands/complete-thematic-review/complete-thematic-review';
import { OpenAuditController, OpenAuditHandler } from './commands/open-audit/open-audit';
import {
  RequestAuditReturnsController,
  RequestAuditReturnsHandler,
} from './commands/request-audit-returns/request-audit-returns';
import {
  RecordAuditReturnController,
  RecordAuditReturnHandler,
} from './commands/record-audit-return/record-audit-return';
import {
  RecordAuditFindingController,
  RecordAuditFindingHandler,
} from './commands/record-audit-finding/record-audit-finding';
import {
  LinkAuditFindingActionController,
  LinkAuditFindingActionHandler,
} from './commands/link-audit-finding-action/link-audit-finding-action';
import { CloseAuditController, CloseAuditHandler } from './commands/close-audit/close-audit';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [OpenThematicReviewController, OpenThematicReviewHandler],
  [RecordThematicFindingController, RecordThematicFindingHandler],
  [LinkPlanActionController, LinkPlanActionHandler],
  [RecordPlanProgressController, RecordPlanProgressHandler],
  [CompleteThematicReviewController, CompleteThematicReviewHandler],
  [OpenAuditController, OpenAuditHandler],
  [RequestAuditReturnsController, RequestAuditReturnsHandler],
  [RecordAuditReturnController, RecordAuditReturnHandler],
  [RecordAuditFindingController, RecordAuditFindingHandler],
  [LinkAuditFindingActionController, LinkAuditFindingActionHandler],
  [CloseAuditController, CloseAuditHandler],
] as const;

/**
 * Partnership assurance: the board's own reviews of practice across its partners (strategic thematic
 * reviews, each partner answering the findings assigned to it in its own plan) and multi-agency audits
 * (the partners asked, their returns and the return rate, findings and the actions they lead to).
 */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class AssuranceModule {}
