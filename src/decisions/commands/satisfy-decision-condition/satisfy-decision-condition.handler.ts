import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Decision, type DecisionCommand } from '../../domain/decision';
import type { CommandData } from '../../../ledger/aggregate';

export class SatisfyDecisionConditionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<DecisionCommand, 'satisfy-decision-condition'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SatisfyDecisionConditionCommand)
export class SatisfyDecisionConditionHandler implements ICommandHandler<SatisfyDecisionConditionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: SatisfyDecisionConditionCommand) {
    return this.runner.run(Decision, data.decisionId, { type: 'satisfy-decision-condition', data }, ctx);
  }
}
