import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { PersonalNote } from '../../domain/escalation';

export class AcknowledgeEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: { escalationId: string; note?: string; personalNote?: PersonalNote },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
