import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Budget } from '../../domain/budget';
import { SetBudgetCommand } from './set-budget.command';

@CommandHandler(SetBudgetCommand)
export class SetBudgetHandler implements ICommandHandler<SetBudgetCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: SetBudgetCommand) {
    return this.runner.run(Budget, data.financialYear, { type: 'set-budget', data }, ctx);
  }
}
