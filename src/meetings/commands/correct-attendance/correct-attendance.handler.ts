import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Meeting } from '../../domain/meeting';
import { registeredFacts } from '../record-attendance/registered-facts';
import { CorrectAttendanceCommand } from './correct-attendance.command';

@CommandHandler(CorrectAttendanceCommand)
export class CorrectAttendanceHandler implements ICommandHandler<CorrectAttendanceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: CorrectAttendanceCommand) {
    const facts = await registeredFacts(this.runner, [data.entry]);
    return this.runner.run(Meeting, data.meetingId, { type: 'correct-attendance', data: { ...data, ...facts } }, ctx);
  }
}
