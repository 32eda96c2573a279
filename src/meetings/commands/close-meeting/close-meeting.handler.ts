import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Meeting } from '../../domain/meeting';
import { CloseMeetingCommand } from './close-meeting.command';

@CommandHandler(CloseMeetingCommand)
export class CloseMeetingHandler implements ICommandHandler<CloseMeetingCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: CloseMeetingCommand) {
    return this.runner.run(Meeting, data.meetingId, { type: 'close-meeting', data }, ctx);
  }
}
