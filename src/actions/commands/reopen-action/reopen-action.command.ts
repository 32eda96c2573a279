import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class ReopenActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: { actionId: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
