import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { PledgeBasis } from '../../domain/budget';

export class PledgeContributionCommand extends Command<CommandResult> {
  constructor(
    readonly data: {
      financialYear: string;
      pledgeId: string;
      partnerId: string;
      amountPence: number;
      basis: PledgeBasis;
    },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
