import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { BoardKind } from '../../domain/board';

export class RegisterBoardCommand extends Command<CommandResult> {
  constructor(
    readonly data: { boardId: string; name: string; kind: BoardKind; parentBoardId?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
