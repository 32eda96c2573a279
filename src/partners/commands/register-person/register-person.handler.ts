import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../domain/partner';
import { Person, type PersonCommand } from '../../domain/person';
import type { CommandData } from '../../../ledger/aggregate';

export class RegisterPersonCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<PersonCommand, 'register-person', 'partnerExists'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RegisterPersonCommand) {
    // The partner is another aggregate: read it and hand the fact to the pure decider.
    const partner = await this.runner.load(Partner, data.partnerId);
    return this.runner.run(
      Person,
      data.personId,
      { type: 'register-person', data: { ...data, partnerExists: partner.state.exists } },
      ctx,
    );
  }
}
