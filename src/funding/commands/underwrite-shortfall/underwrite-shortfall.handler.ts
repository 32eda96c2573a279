import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Budget } from '../../domain/budget';
import { UnderwriteShortfallCommand } from './underwrite-shortfall.command';

@CommandHandler(UnderwriteShortfallCommand)
export class UnderwriteShortfallHandler implements ICommandHandler<UnderwriteShortfallCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: UnderwriteShortfallCommand) {
    const registered = await Promise.all(data.partnerIds.map((id) => this.runner.exists('partner', id)));
    const unregisteredPartnerIds = data.partnerIds.filter((_, i) => !registered[i]);
    return this.runner.run(Budget, data.financialYear, { type: 'underwrite-shortfall', data: { ...data, unregisteredPartnerIds } }, ctx);
  }
}
