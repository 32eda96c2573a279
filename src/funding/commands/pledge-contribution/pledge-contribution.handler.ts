import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Budget } from '../../domain/budget';
import { PledgeContributionCommand } from './pledge-contribution.command';

@CommandHandler(PledgeContributionCommand)
export class PledgeContributionHandler implements ICommandHandler<PledgeContributionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: PledgeContributionCommand) {
    // A partner representative commits only their own agency's money.
    assertActsForNamed(ctx.actor, 'pledgeContribution', data);
    const partnerExists = await this.runner.exists('partner', data.partnerId);
    return this.runner.run(
      Budget,
      data.financialYear,
      { type: 'pledge-contribution', data: { ...data, partnerExists } },
      ctx,
    );
  }
}
