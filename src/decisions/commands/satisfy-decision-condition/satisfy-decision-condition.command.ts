import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class SatisfyDecisionConditionCommand extends Command<CommandResult> {
  constructor(
    readonly data: { decisionId: string; conditionId: string; note?: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
