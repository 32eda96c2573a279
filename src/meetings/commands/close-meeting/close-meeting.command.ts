import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class CloseMeetingCommand extends Command<CommandResult> {
  constructor(
    readonly data: { meetingId: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
