import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { AttendanceEntry } from '../../domain/meeting';

export class RecordAttendanceCommand extends Command<CommandResult> {
  constructor(
    readonly data: { meetingId: string; entries: AttendanceEntry[] },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
