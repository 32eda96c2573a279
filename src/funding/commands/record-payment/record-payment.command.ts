import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../ledger/command-runner';

export class RecordPaymentCommand extends Command<CommandResult> {
  constructor(
    readonly data: {
      financialYear: string;
      paymentId: string;
      partnerId: string;
      amountPence: number;
      receivedOn: string;
      pledgeId?: string;
    },
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
