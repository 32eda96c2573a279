import { Module } from '@nestjs/common';
import { AddRiskControlController, AddRiskControlHandler } from './commands/add-risk-control/add-risk-control';
import { CloseRiskController, CloseRiskHandler } from './commands/close-risk/close-risk';
import { EscalateRiskController, EscalateRiskHandler } from './commands/escalate-risk/escalate-risk';
import { RecordRiskController, RecordRiskHandler } from './commands/record-risk/record-risk';
import {
  RemoveRiskControlController,
  RemoveRiskControlHandler,
} from './commands/remove-risk-control/remove-risk-control';
import { RescoreRiskController, RescoreRiskHandler } from './commands/rescore-risk/rescore-risk';
import { ReviewRiskController, ReviewRiskHandler } from './commands/review-risk/review-risk';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [RecordRiskController, RecordRiskHandler],
  [RescoreRiskController, RescoreRiskHandler],
  [AddRiskControlController, AddRiskControlHandler],
  [RemoveRiskControlController, RemoveRiskControlHandler],
  [ReviewRiskController, ReviewRiskHandler],
  [EscalateRiskController, EscalateRiskHandler],
  [CloseRiskController, CloseRiskHandler],
] as const;

/**
 * The partnership's risk register: each risk's owner agency, category, likelihood and impact scored
 * over time, controls, reviews (with the next review due), escalation to a board, and closure.
 */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class RisksModule {}
