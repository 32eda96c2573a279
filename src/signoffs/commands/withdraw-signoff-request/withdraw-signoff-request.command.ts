import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class WithdrawSignoffRequestCommand extends Command<CommandResult> {
  constructor(
    readonly data: { signoffId: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
