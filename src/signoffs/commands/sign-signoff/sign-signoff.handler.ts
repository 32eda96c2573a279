import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { Person } from '../../../partners';
import { Signoff, type SignoffCommand } from '../../domain/signoff';
import type { CommandData } from '../../../ledger/aggregate';

export class SignSignoffCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<SignoffCommand, 'sign-signoff', 'signerRoles'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SignSignoffCommand)
export class SignSignoffHandler implements ICommandHandler<SignSignoffCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: SignSignoffCommand) {
    // A partner representative signs for their own agency only (403 not-your-agency otherwise).
    assertActsForNamed(ctx.actor, 'signSignoff', data);
    // A named signer is another aggregate: hand their partner roles to the decider, which knows the business date.
    const signerRoles =
      data.signedByPersonId === undefined
        ? undefined
        : (await this.runner.load(Person, data.signedByPersonId)).state.roles;
    return this.runner.run(Signoff, data.signoffId, { type: 'sign-signoff', data: { ...data, signerRoles } }, ctx);
  }
}
