import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class AcknowledgeEscalationCommand extends Command<CommandResult> {
  constructor(readonly data: { escalationId: string; note?: string }, readonly ctx: CommandContext) {
    super();
  }
}
