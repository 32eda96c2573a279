import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Decision } from '../../domain/decision';
import { SatisfyDecisionConditionCommand } from './satisfy-decision-condition.command';

@CommandHandler(SatisfyDecisionConditionCommand)
export class SatisfyDecisionConditionHandler implements ICommandHandler<SatisfyDecisionConditionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: SatisfyDecisionConditionCommand) {
    return this.runner.run(Decision, data.decisionId, { type: 'satisfy-decision-condition', data }, ctx);
  }
}
