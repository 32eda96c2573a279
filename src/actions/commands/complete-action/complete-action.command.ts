import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class CompleteActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: { actionId: string; note?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
