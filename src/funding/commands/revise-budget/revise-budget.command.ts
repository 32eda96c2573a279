import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { BudgetLine } from '../../domain/budget';

export class ReviseBudgetCommand extends Command<CommandResult> {
  constructor(
    readonly data: { financialYear: string; totalPence: number; lines: BudgetLine[]; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
