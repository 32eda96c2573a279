import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { EscalationOutcome } from '../../domain/escalation';

export class ResolveEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: { escalationId: string; outcome: EscalationOutcome; summary: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
