import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class RectifyDataSubjectCommand extends Command<CommandResult> {
  constructor(
    readonly data: { escalationId: string; subjectId: string; name?: string; dateOfBirth?: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
