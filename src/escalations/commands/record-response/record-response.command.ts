import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class RecordResponseCommand extends Command<CommandResult> {
  constructor(readonly data: { escalationId: string; respondingAgency: string; response: string }, readonly ctx: CommandContext) {
    super();
  }
}
