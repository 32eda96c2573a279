import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Partner, type PartnerCommand } from '../../domain/partner';
import type { CommandData } from '../../../ledger/aggregate';

export class SucceedPartnerCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<PartnerCommand, 'succeed-partner', 'successorExists'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SucceedPartnerCommand)
export class SucceedPartnerHandler implements ICommandHandler<SucceedPartnerCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: SucceedPartnerCommand) {
    // The successor is another aggregate: read its state and hand the fact to the pure decider.
    const successor = await this.runner.load(Partner, data.successorId);
    return this.runner.run(
      Partner,
      data.partnerId,
      { type: 'succeed-partner', data: { ...data, successorExists: successor.state.exists } },
      ctx,
    );
  }
}
