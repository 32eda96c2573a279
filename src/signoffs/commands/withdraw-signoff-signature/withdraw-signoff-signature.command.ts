import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class WithdrawSignoffSignatureCommand extends Command<CommandResult> {
  constructor(
    readonly data: { signoffId: string; partnerId: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
