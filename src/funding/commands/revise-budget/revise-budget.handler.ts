import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Budget } from '../../domain/budget';
import { ReviseBudgetCommand } from './revise-budget.command';

@CommandHandler(ReviseBudgetCommand)
export class ReviseBudgetHandler implements ICommandHandler<ReviseBudgetCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ReviseBudgetCommand) {
    return this.runner.run(Budget, data.financialYear, { type: 'revise-budget', data }, ctx);
  }
}
