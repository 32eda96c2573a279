import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { BudgetLine } from '../../domain/budget';

export class SetBudgetCommand extends Command<CommandResult> {
  constructor(
    readonly data: { financialYear: string; totalPence: number; lines: BudgetLine[] },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
