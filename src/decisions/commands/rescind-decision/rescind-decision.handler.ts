import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Decision, type DecisionCommand } from '../../domain/decision';
import type { CommandData } from '../../../ledger/aggregate';

export class RescindDecisionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<DecisionCommand, 'rescind-decision'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RescindDecisionCommand)
export class RescindDecisionHandler implements ICommandHandler<RescindDecisionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RescindDecisionCommand) {
    return this.runner.run(Decision, data.decisionId, { type: 'rescind-decision', data }, ctx);
  }
}
