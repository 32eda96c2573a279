import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Budget, type BudgetCommand } from '../../domain/budget';
import type { CommandData } from '../../../ledger/aggregate';

export class ReviseBudgetCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<BudgetCommand, 'revise-budget'>,
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
