import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { MinutesOutcome } from '../../domain/meeting';

export class ApprovePreviousMinutesCommand extends Command<CommandResult> {
  constructor(
    readonly data: { meetingId: string; previousMeetingId: string; outcome: MinutesOutcome; amendments?: string[] },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
