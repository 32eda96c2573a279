import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Board } from '../../../partners';
import { Meeting } from '../../domain/meeting';
import { ScheduleMeetingCommand } from './schedule-meeting.command';

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
