import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class RenamePartnerCommand extends Command<CommandResult> {
  constructor(
    readonly data: { partnerId: string; name: string; effectiveFrom: string; reason?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
