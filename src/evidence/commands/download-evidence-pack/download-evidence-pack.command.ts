import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class DownloadEvidencePackCommand extends Command<CommandResult> {
  constructor(
    readonly data: { packId: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
