import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class ScheduleMeetingCommand extends Command<CommandResult> {
  constructor(
    readonly data: { meetingId: string; boardId: string; scheduledFor: string; title?: string; location?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
