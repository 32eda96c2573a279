import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Signoff, type SignoffCommand } from '../../domain/signoff';
import type { CommandData } from '../../../ledger/aggregate';

export class WithdrawSignoffRequestCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<SignoffCommand, 'withdraw-signoff-request'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawSignoffRequestCommand)
export class WithdrawSignoffRequestHandler implements ICommandHandler<WithdrawSignoffRequestCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: WithdrawSignoffRequestCommand) {
    return this.runner.run(Signoff, data.signoffId, { type: 'withdraw-signoff-request', data }, ctx);
  }
}
