import { Module } from '@nestjs/common';
import {
  CloseRecommendationController,
  CloseRecommendationHandler,
} from './commands/close-recommendation/close-recommendation';
import {
  LinkRecommendationActionController,
  LinkRecommendationActionHandler,
} from './commands/link-recommendation-action/link-recommendation-action';
import { RecordInspectionController, RecordInspectionHandler } from './commands/record-inspection/record-inspection';
import {
  RecordRecommendationController,
  RecordRecommendationHandler,
} from './commands/record-recommendation/record-recommendation';
import {
  RecordRecommendationUpdateController,
  RecordRecommendationUpdateHandler,
} from './commands/record-recommendation-update/record-recommendation-update';
import {
  SetRecommendationRagController,
  SetRecommendationRagHandler,
} from './commands/set-recommendation-rag/set-recommendation-rag';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [RecordInspectionController, RecordInspectionHandler],
  [RecordRecommendationController, RecordRecommendationHandler],
  [LinkRecommendationActionController, LinkRecommendationActionHandler],
  [RecordRecommendationUpdateController, RecordRecommendationUpdateHandler],
  [SetRecommendationRagController, SetRecommendationRagHandler],
  [CloseRecommendationController, CloseRecommendationHandler],
] as const;

/**
 * The inspections and recommendations register: inspections of partner agencies (JTAI, Ofsted ILACS,
 * HMICFRS, CQC, SEND, HMIP, others), each recommendation's owner, action plan, progress updates with
 * their due dates, RAG status over time, and closure on cited ledger evidence.
 */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class InspectionsModule {}
