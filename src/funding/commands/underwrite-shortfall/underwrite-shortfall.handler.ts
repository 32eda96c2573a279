import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Budget } from '../../domain/budget';
import { UnderwriteShortfallCommand } from './underwrite-shortfall.command';

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
