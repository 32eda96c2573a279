import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { Budget, type BudgetCommand } from '../../domain/budget';
import type { CommandData } from '../../../ledger/aggregate';

export class RecordPaymentCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<BudgetCommand, 'record-payment', 'partnerExists'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

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
