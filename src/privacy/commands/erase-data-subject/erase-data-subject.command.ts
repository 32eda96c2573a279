import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { ErasureBasis } from '../../domain/data-subject';

export class EraseDataSubjectCommand extends Command<CommandResult> {
  constructor(
    readonly data: { subjectId: string; basis: ErasureBasis; reason: string; keyVersion?: number },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
