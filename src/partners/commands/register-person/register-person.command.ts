import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class RegisterPersonCommand extends Command<CommandResult> {
  constructor(
    readonly data: { personId: string; name: string; partnerId: string; title?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
