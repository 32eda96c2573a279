import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandData } from '../../../ledger/aggregate';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Meeting, type MeetingCommand } from '../../domain/meeting';

export class ChangeMeetingLocationCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<MeetingCommand, 'change-meeting-location'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeMeetingLocationCommand)
export class ChangeMeetingLocationHandler implements ICommandHandler<ChangeMeetingLocationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ChangeMeetingLocationCommand) {
    return this.runner.run(Meeting, data.meetingId, { type: 'change-meeting-location', data }, ctx);
  }
}
