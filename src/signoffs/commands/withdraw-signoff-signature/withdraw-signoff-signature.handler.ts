import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Signoff } from '../../domain/signoff';
import { WithdrawSignoffSignatureCommand } from './withdraw-signoff-signature.command';

@CommandHandler(WithdrawSignoffSignatureCommand)
export class WithdrawSignoffSignatureHandler implements ICommandHandler<WithdrawSignoffSignatureCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: WithdrawSignoffSignatureCommand) {
    // Only the agency that signed (or the secretariat) may take its signature back.
    assertActsForNamed(ctx.actor, 'withdrawSignoffSignature', data);
    return this.runner.run(Signoff, data.signoffId, { type: 'withdraw-signoff-signature', data }, ctx);
  }
}
