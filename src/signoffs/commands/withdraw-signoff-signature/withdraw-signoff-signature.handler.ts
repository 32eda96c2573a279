import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { Signoff, type SignoffCommand } from '../../domain/signoff';
import type { CommandData } from '../../../ledger/aggregate';

export class WithdrawSignoffSignatureCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<SignoffCommand, 'withdraw-signoff-signature'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawSignoffSignatureCommand)
export class WithdrawSignoffSignatureHandler implements ICommandHandler<WithdrawSignoffSignatureCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: WithdrawSignoffSignatureCommand) {
    // Only the agency that signed (or the secretariat) may take its signature back.
    assertActsForNamed(ctx.actor, 'withdrawSignoffSignature', data);
    return this.runner.run(Signoff, data.signoffId, { type: 'withdraw-signoff-signature', data }, ctx);
  }
}
