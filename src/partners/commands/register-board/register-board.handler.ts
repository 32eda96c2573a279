import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Board, type BoardCommand } from '../../domain/board';
import type { CommandData } from '../../../ledger/aggregate';

export class RegisterBoardCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<BoardCommand, 'register-board', 'parentExists'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

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
