import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../domain/partner';
import { Person } from '../../domain/person';
import { RegisterPersonCommand } from './register-person.command';

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
