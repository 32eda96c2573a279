import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Budget } from '../../domain/budget';
import { RecordPaymentCommand } from './record-payment.command';

@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordPaymentCommand) {
    // Money received is recorded for the partner that paid it (agency-rules.ts).
    assertActsForNamed(ctx.actor, 'recordPayment', data);
    const partnerExists = await this.runner.exists('partner', data.partnerId);
    return this.runner.run(
      Budget,
      data.financialYear,
      { type: 'record-payment', data: { ...data, partnerExists } },
      ctx,
    );
  }
}
