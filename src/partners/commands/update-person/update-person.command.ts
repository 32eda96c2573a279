import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class UpdatePersonCommand extends Command<CommandResult> {
  constructor(
    readonly data: { personId: string; effectiveFrom: string; partnerId?: string; title?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
