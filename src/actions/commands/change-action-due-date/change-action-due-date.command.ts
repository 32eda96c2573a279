import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class ChangeActionDueDateCommand extends Command<CommandResult> {
  constructor(
    readonly data: { actionId: string; dueDate: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
