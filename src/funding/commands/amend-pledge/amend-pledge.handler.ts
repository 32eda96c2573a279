import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Budget, type BudgetCommand } from '../../domain/budget';
import { assertMayActFor } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class AmendPledgeCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<BudgetCommand, 'amend-pledge'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AmendPledgeCommand)
export class AmendPledgeHandler implements ICommandHandler<AmendPledgeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: AmendPledgeCommand) {
    // Only the budget knows whose pledge this is (a pledge never changes partner, so reading it first is safe);
    // a missing pledge is left to the decider to refuse.
    const pledge = (await this.runner.load(Budget, data.financialYear)).state.pledges[data.pledgeId];
    assertMayActFor(ctx.actor, 'amendPledge', pledge && [pledge.partnerId]);
    return this.runner.run(Budget, data.financialYear, { type: 'amend-pledge', data }, ctx);
  }
}
