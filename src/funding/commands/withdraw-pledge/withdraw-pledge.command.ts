import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class WithdrawPledgeCommand extends Command<CommandResult> {
  constructor(
    readonly data: { financialYear: string; pledgeId: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
