import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Board } from '../../domain/board';
import { RegisterBoardCommand } from './register-board.command';

@CommandHandler(RegisterBoardCommand)
export class RegisterBoardHandler implements ICommandHandler<RegisterBoardCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RegisterBoardCommand) {
    // A parent board is another aggregate: read it and hand the fact to the pure decider.
    const parentExists =
      data.parentBoardId === undefined ? undefined : (await this.runner.load(Board, data.parentBoardId)).state.exists;
    return this.runner.run(Board, data.boardId, { type: 'register-board', data: { ...data, parentExists } }, ctx);
  }
}
