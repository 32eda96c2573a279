import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class ReviseSignoffArtefactCommand extends Command<CommandResult> {
  constructor(
    readonly data: { signoffId: string; version: string; contentHash: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
