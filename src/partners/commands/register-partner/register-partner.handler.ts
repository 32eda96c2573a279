import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Partner, type PartnerCommand } from '../../domain/partner';
import type { CommandData } from '../../../ledger/aggregate';

export class RegisterPartnerCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<PartnerCommand, 'register-partner'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterPartnerCommand)
export class RegisterPartnerHandler implements ICommandHandler<RegisterPartnerCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RegisterPartnerCommand) {
    return this.runner.run(Partner, data.partnerId, { type: 'register-partner', data }, ctx);
  }
}
