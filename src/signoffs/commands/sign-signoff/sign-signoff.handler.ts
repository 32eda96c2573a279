import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertActsFor } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Signoff } from '../../domain/signoff';
import { SignSignoffCommand } from './sign-signoff.command';

@CommandHandler(SignSignoffCommand)
export class SignSignoffHandler implements ICommandHandler<SignSignoffCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: SignSignoffCommand) {
    // A partner representative signs for their own agency only (403 not-your-agency otherwise).
    assertActsFor(ctx.actor, 'signoffs:sign', data.partnerId);
    return this.runner.run(Signoff, data.signoffId, { type: 'sign-signoff', data }, ctx);
  }
}
