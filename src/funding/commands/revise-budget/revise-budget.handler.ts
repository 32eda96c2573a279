import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { type BudgetLine, Budget } from '../../domain/budget';

export class ReviseBudgetCommand extends Command<CommandResult> {
  constructor(
    readonly data: { financialYear: string; totalPence: number; lines: BudgetLine[]; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseBudgetCommand)
export class ReviseBudgetHandler implements ICommandHandler<ReviseBudgetCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ReviseBudgetCommand) {
    return this.runner.run(Budget, data.financialYear, { type: 'revise-budget', data }, ctx);
  }
}
