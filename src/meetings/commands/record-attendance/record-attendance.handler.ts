import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Meeting } from '../../domain/meeting';
import { RecordAttendanceCommand } from './record-attendance.command';
import { registeredFacts } from './registered-facts';

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordAttendanceCommand) {
    const facts = await registeredFacts(this.runner, data.entries);
    return this.runner.run(Meeting, data.meetingId, { type: 'record-attendance', data: { ...data, ...facts } }, ctx);
  }
}
