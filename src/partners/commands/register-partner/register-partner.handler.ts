import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../domain/partner';
import { RegisterPartnerCommand } from './register-partner.command';

@CommandHandler(RegisterPartnerCommand)
export class RegisterPartnerHandler implements ICommandHandler<RegisterPartnerCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RegisterPartnerCommand) {
    return this.runner.run(Partner, data.partnerId, { type: 'register-partner', data }, ctx);
  }
}
