import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { PackScope } from '../../domain/pack-scope';

export class RequestEvidencePackCommand extends Command<CommandResult> {
  constructor(
    readonly data: { packId: string; scope: PackScope },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
