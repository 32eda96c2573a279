import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class EscalateEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: { escalationId: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
