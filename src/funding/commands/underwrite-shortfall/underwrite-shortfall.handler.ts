import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Budget, type BudgetCommand } from '../../domain/budget';
import { assertActsForNamed } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class UnderwriteShortfallCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<BudgetCommand, 'underwrite-shortfall', 'unregisteredPartnerIds'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(UnderwriteShortfallCommand)
export class UnderwriteShortfallHandler implements ICommandHandler<UnderwriteShortfallCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: UnderwriteShortfallCommand) {
    // An underwriting binds every partner it names: only for whoever may act for all of them (agency-rules.ts).
    assertActsForNamed(ctx.actor, 'underwriteShortfall', data);
    const registered = await Promise.all(data.partnerIds.map((id) => this.runner.exists('partner', id)));
    const unregisteredPartnerIds = data.partnerIds.filter((_, i) => !registered[i]);
    return this.runner.run(
      Budget,
      data.financialYear,
      { type: 'underwrite-shortfall', data: { ...data, unregisteredPartnerIds } },
      ctx,
    );
  }
}
