import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertMayActFor } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Budget } from '../../domain/budget';
import { AmendPledgeCommand } from './amend-pledge.command';

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
