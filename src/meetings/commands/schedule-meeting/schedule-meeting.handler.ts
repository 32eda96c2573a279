import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Board } from '../../../partners';
import { Meeting, type MeetingCommand } from '../../domain/meeting';
import type { CommandData } from '../../../ledger/aggregate';

export class ScheduleMeetingCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<MeetingCommand, 'schedule-meeting', 'boardExists'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ScheduleMeetingCommand) {
    // The board is another aggregate: read it and hand the fact to the pure decider.
    const board = await this.runner.load(Board, data.boardId);
    return this.runner.run(
      Meeting,
      data.meetingId,
      { type: 'schedule-meeting', data: { ...data, boardExists: board.state.exists } },
      ctx,
    );
  }
}
