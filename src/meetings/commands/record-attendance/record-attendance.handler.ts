import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Meeting, type MeetingCommand, type RegisteredFacts } from '../../domain/meeting';
import { registeredFacts } from './registered-facts';
import type { CommandData } from '../../../ledger/aggregate';

export class RecordAttendanceCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<MeetingCommand, 'record-attendance', keyof RegisteredFacts>,
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
