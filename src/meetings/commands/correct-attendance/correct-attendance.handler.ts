import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Meeting, type MeetingCommand, type RegisteredFacts } from '../../domain/meeting';
import { registeredFacts } from '../record-attendance/registered-facts';
import type { CommandData } from '../../../ledger/aggregate';

export class CorrectAttendanceCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<MeetingCommand, 'correct-attendance', keyof RegisteredFacts>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CorrectAttendanceCommand)
export class CorrectAttendanceHandler implements ICommandHandler<CorrectAttendanceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: CorrectAttendanceCommand) {
    const facts = await registeredFacts(this.runner, [data.entry]);
    return this.runner.run(Meeting, data.meetingId, { type: 'correct-attendance', data: { ...data, ...facts } }, ctx);
  }
}
