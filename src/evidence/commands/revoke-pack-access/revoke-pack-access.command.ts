import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class RevokePackAccessCommand extends Command<CommandResult> {
  constructor(
    readonly data: { packId: string; inspectorUserId: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
