import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Budget, type BudgetCommand } from '../../domain/budget';
import { assertActsForNamed } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class PledgeContributionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<BudgetCommand, 'pledge-contribution', 'partnerExists'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

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
