import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class GrantPackAccessCommand extends Command<CommandResult> {
  constructor(
    readonly data: { packId: string; inspectorUserId: string; expiresAt: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
