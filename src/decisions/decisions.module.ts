import { Module } from '@nestjs/common';
import { RecordDecisionController } from './commands/record-decision/record-decision.controller';
import { RecordDecisionHandler } from './commands/record-decision/record-decision.handler';
import { RescindDecisionController } from './commands/rescind-decision/rescind-decision.controller';
import { RescindDecisionHandler } from './commands/rescind-decision/rescind-decision.handler';
import { SatisfyDecisionConditionController } from './commands/satisfy-decision-condition/satisfy-decision-condition.controller';
import { SatisfyDecisionConditionHandler } from './commands/satisfy-decision-condition/satisfy-decision-condition.handler';
import { SupersedeDecisionController } from './commands/supersede-decision/supersede-decision.controller';
import { SupersedeDecisionHandler } from './commands/supersede-decision/supersede-decision.handler';

/** Decisions recorded at meeting items: conditions, rescission and supersession. */
@Module({
  controllers: [
    RecordDecisionController,
    SatisfyDecisionConditionController,
    RescindDecisionController,
    SupersedeDecisionController,
  ],
  providers: [RecordDecisionHandler, SatisfyDecisionConditionHandler, RescindDecisionHandler, SupersedeDecisionHandler],
})
export class DecisionsModule {}
