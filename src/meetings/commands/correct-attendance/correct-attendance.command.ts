import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { AttendanceEntry } from '../../domain/meeting';

export class CorrectAttendanceCommand extends Command<CommandResult> {
  constructor(
    readonly data: { meetingId: string; entry: AttendanceEntry; reason?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
