import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Meeting, type MeetingCommand } from '../../domain/meeting';
import type { CommandData } from '../../../ledger/aggregate';

export class ApprovePreviousMinutesCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<MeetingCommand, 'approve-previous-minutes', 'previous'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ApprovePreviousMinutesCommand)
export class ApprovePreviousMinutesHandler implements ICommandHandler<ApprovePreviousMinutesCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ApprovePreviousMinutesCommand) {
    // The decider checks the previous meeting is an earlier one of the same board: hand it those facts.
    const { state } = await this.runner.load(Meeting, data.previousMeetingId);
    const previous = { exists: state.exists, boardId: state.boardId, scheduledFor: state.scheduledFor };
    return this.runner.run(
      Meeting,
      data.meetingId,
      { type: 'approve-previous-minutes', data: { ...data, previous } },
      ctx,
    );
  }
}
