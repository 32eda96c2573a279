import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Partner } from '../../domain/partner';
import { RenamePartnerCommand } from './rename-partner.command';

@CommandHandler(RenamePartnerCommand)
export class RenamePartnerHandler implements ICommandHandler<RenamePartnerCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RenamePartnerCommand) {
    return this.runner.run(Partner, data.partnerId, { type: 'rename-partner', data }, ctx);
  }
}
