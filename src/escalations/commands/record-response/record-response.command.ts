import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { PersonalNote } from '../../domain/escalation';

export class RecordResponseCommand extends Command<CommandResult> {
  constructor(
    readonly data: { escalationId: string; respondingAgency: string; response: string; personalNote?: PersonalNote },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
