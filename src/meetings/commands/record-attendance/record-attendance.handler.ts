import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { type AttendanceEntry, Meeting } from '../../domain/meeting';
import { registeredFacts } from './registered-facts';

export class RecordAttendanceCommand extends Command<CommandResult> {
  constructor(
    readonly data: { meetingId: string; entries: AttendanceEntry[] },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordAttendanceCommand) {
    const facts = await registeredFacts(this.runner, data.entries);
    return this.runner.run(Meeting, data.meetingId, { type: 'record-attendance', data: { ...data, ...facts } }, ctx);
  }
}
