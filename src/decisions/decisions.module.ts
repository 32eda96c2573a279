import { Module } from '@nestjs/common';
import { RecordDecisionController } from './commands/record-decision/record-decision.controller';
import { RecordDecisionHandler } from './commands/record-decision/record-decision.handler';
import { RescindDecisionController } from './commands/rescind-decision/rescind-decision.controller';
import { RescindDecisionHandler } from './commands/rescind-decision/rescind-decision.handler';
import { SatisfyDecisionConditionController } from './commands/satisfy-decision-condition/satisfy-decision-condition.controller';
import { SatisfyDecisionConditionHandler } from './commands/satisfy-decision-condition/satisfy-decision-condition.handler';
import { SupersedeDecisionController } from './commands/supersede-decision/supersede-decision.controller';
import { SupersedeDecisionHandler } from './commands/supersede-decision/supersede-decision.handler';

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
