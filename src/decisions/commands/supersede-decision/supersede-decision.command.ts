import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class SupersedeDecisionCommand extends Command<CommandResult> {
  constructor(
    readonly data: { decisionId: string; supersededByDecisionId: string; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
