import { Module } from '@nestjs/common';
import { OpenCaseReviewController, OpenCaseReviewHandler } from './commands/open-case-review/open-case-review';
import {
  NotifyNationalPanelController,
  NotifyNationalPanelHandler,
} from './commands/notify-national-panel/notify-national-panel';
import {
  CompleteRapidReviewController,
  CompleteRapidReviewHandler,
} from './commands/complete-rapid-review/complete-rapid-review';
import {
  RecordPanelResponseController,
  RecordPanelResponseHandler,
} from './commands/record-panel-response/record-panel-response';
import {
  DecideCommissioningController,
  DecideCommissioningHandler,
} from './commands/decide-commissioning/decide-commissioning';
import { AppointReviewerController, AppointReviewerHandler } from './commands/appoint-reviewer/appoint-reviewer';
import { ReceiveDraftController, ReceiveDraftHandler } from './commands/receive-draft/receive-draft';
import { LinkSignoffController, LinkSignoffHandler } from './commands/link-signoff/link-signoff';
import { DelayPublicationController, DelayPublicationHandler } from './commands/delay-publication/delay-publication';
import { PublishReviewController, PublishReviewHandler } from './commands/publish-review/publish-review';
import {
  RecordReviewActivityController,
  RecordReviewActivityHandler,
} from './commands/record-review-activity/record-review-activity';
import { RecordFindingController, RecordFindingHandler } from './commands/record-finding/record-finding';
import {
  LinkFindingActionController,
  LinkFindingActionHandler,
} from './commands/link-finding-action/link-finding-action';
import { DraftBriefingController, DraftBriefingHandler } from './commands/draft-briefing/draft-briefing';
import { HoldBriefingController, HoldBriefingHandler } from './commands/hold-briefing/hold-briefing';
import { PublishBriefingController, PublishBriefingHandler } from './commands/publish-briefing/publish-briefing';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [OpenCaseReviewController, OpenCaseReviewHandler],
  [NotifyNationalPanelController, NotifyNationalPanelHandler],
  [CompleteRapidReviewController, CompleteRapidReviewHandler],
  [RecordPanelResponseController, RecordPanelResponseHandler],
  [DecideCommissioningController, DecideCommissioningHandler],
  [AppointReviewerController, AppointReviewerHandler],
  [ReceiveDraftController, ReceiveDraftHandler],
  [LinkSignoffController, LinkSignoffHandler],
  [DelayPublicationController, DelayPublicationHandler],
  [PublishReviewController, PublishReviewHandler],
  [RecordFindingController, RecordFindingHandler],
  [LinkFindingActionController, LinkFindingActionHandler],
  [DraftBriefingController, DraftBriefingHandler],
  [HoldBriefingController, HoldBriefingHandler],
  [PublishBriefingController, PublishBriefingHandler],
  [RecordReviewActivityController, RecordReviewActivityHandler],
] as const;

/**
 * The case review register: rapid reviews, CSPRs, SARs and legacy serious case reviews, from the
 * serious incident notification to published learning (Working Together to Safeguard Children 2023).
 */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class CaseReviewsModule {}
