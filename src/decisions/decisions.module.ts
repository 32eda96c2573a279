import { Module } from '@nestjs/common';
import { RecordDecisionController, RecordDecisionHandler } from './commands/record-decision/record-decision';
import { RescindDecisionController, RescindDecisionHandler } from './commands/rescind-decision/rescind-decision';
import {
  SatisfyDecisionConditionController,
  SatisfyDecisionConditionHandler,
} from './commands/satisfy-decision-condition/satisfy-decision-condition';
import {
  SupersedeDecisionController,
  SupersedeDecisionHandler,
} from './commands/supersede-decision/supersede-decision';

/** Each command as [controller, handler], in the order the API document lists them: one entry per command. */
const SLICES = [
  [RecordDecisionController, RecordDecisionHandler],
  [SatisfyDecisionConditionController, SatisfyDecisionConditionHandler],
  [RescindDecisionController, RescindDecisionHandler],
  [SupersedeDecisionController, SupersedeDecisionHandler],
] as const;

/** Decisions recorded at meeting items: conditions, rescission and supersession. */
@Module({
  controllers: SLICES.map(([controller]) => controller),
  providers: SLICES.map(([, handler]) => handler),
})
export class DecisionsModule {}
