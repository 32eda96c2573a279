import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class SucceedPartnerCommand extends Command<CommandResult> {
  constructor(
    readonly data: { partnerId: string; successorId: string; effectiveFrom: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
