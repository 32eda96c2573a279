import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { assertMayActFor } from '../../../auth/agency-scope';
import { Budget, type BudgetCommand } from '../../domain/budget';
import type { CommandData } from '../../../ledger/aggregate';

export class WithdrawPledgeCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<BudgetCommand, 'withdraw-pledge'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawPledgeCommand)
export class WithdrawPledgeHandler implements ICommandHandler<WithdrawPledgeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: WithdrawPledgeCommand) {
    // Only the budget knows whose pledge this is (a pledge never changes partner, so reading it first is safe);
    // a missing pledge is left to the decider to refuse.
    const pledge = (await this.runner.load(Budget, data.financialYear)).state.pledges[data.pledgeId];
    assertMayActFor(ctx.actor, 'withdrawPledge', pledge && [pledge.partnerId]);
    return this.runner.run(Budget, data.financialYear, { type: 'withdraw-pledge', data }, ctx);
  }
}
