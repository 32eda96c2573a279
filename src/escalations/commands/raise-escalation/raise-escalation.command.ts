import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { RaiseEscalationData } from '../../domain/escalation';

export class RaiseEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: RaiseEscalationData,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
