import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';
import type { PledgeBasis } from '../../domain/budget';

export class AmendPledgeCommand extends Command<CommandResult> {
  constructor(
    readonly data: { financialYear: string; pledgeId: string; amountPence: number; basis: PledgeBasis; reason: string },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
