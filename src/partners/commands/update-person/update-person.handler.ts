import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../domain/partner';
import { Person, type PersonCommand } from '../../domain/person';
import type { CommandData } from '../../../ledger/aggregate';

export class UpdatePersonCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<PersonCommand, 'update-person', 'partnerExists'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(UpdatePersonCommand)
export class UpdatePersonHandler implements ICommandHandler<UpdatePersonCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: UpdatePersonCommand) {
    // A new partner must be registered: read it and hand the fact to the pure decider.
    const partnerExists =
      data.partnerId === undefined ? undefined : (await this.runner.load(Partner, data.partnerId)).state.exists;
    return this.runner.run(Person, data.personId, { type: 'update-person', data: { ...data, partnerExists } }, ctx);
  }
}
