import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Decision, type DecisionCommand } from '../../domain/decision';
import type { CommandData } from '../../../ledger/aggregate';

export class SupersedeDecisionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<DecisionCommand, 'supersede-decision', 'supersedingExists'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SupersedeDecisionCommand)
export class SupersedeDecisionHandler implements ICommandHandler<SupersedeDecisionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: SupersedeDecisionCommand) {
    // The superseding decision is another stream: the decider only needs to know it exists.
    const supersedingExists = await this.runner.exists(Decision.category, data.supersededByDecisionId);
    return this.runner.run(
      Decision,
      data.decisionId,
      { type: 'supersede-decision', data: { ...data, supersedingExists } },
      ctx,
    );
  }
}
