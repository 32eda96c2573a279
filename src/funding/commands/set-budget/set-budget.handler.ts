import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { type BudgetLine, Budget } from '../../domain/budget';

export class SetBudgetCommand extends Command<CommandResult> {
  constructor(
    readonly data: { financialYear: string; totalPence: number; lines: BudgetLine[] },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SetBudgetCommand)
export class SetBudgetHandler implements ICommandHandler<SetBudgetCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: SetBudgetCommand) {
    return this.runner.run(Budget, data.financialYear, { type: 'set-budget', data }, ctx);
  }
}
