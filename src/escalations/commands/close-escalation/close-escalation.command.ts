import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class CloseEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: { escalationId: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
