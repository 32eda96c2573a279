import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Partner, type PartnerCommand } from '../../domain/partner';
import type { CommandData } from '../../../ledger/aggregate';

export class RenamePartnerCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<PartnerCommand, 'rename-partner'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RenamePartnerCommand)
export class RenamePartnerHandler implements ICommandHandler<RenamePartnerCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RenamePartnerCommand) {
    return this.runner.run(Partner, data.partnerId, { type: 'rename-partner', data }, ctx);
  }
}
