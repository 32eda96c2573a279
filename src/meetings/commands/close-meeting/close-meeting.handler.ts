import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Meeting, type MeetingCommand } from '../../domain/meeting';
import type { CommandData } from '../../../ledger/aggregate';

export class CloseMeetingCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<MeetingCommand, 'close-meeting'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CloseMeetingCommand)
export class CloseMeetingHandler implements ICommandHandler<CloseMeetingCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: CloseMeetingCommand) {
    return this.runner.run(Meeting, data.meetingId, { type: 'close-meeting', data }, ctx);
  }
}
