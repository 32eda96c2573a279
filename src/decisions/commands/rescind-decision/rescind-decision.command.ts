import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class RescindDecisionCommand extends Command<CommandResult> {
  constructor(
    readonly data: { decisionId: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
