import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Signoff } from '../../domain/signoff';
import { WithdrawSignoffRequestCommand } from './withdraw-signoff-request.command';

@CommandHandler(WithdrawSignoffRequestCommand)
export class WithdrawSignoffRequestHandler implements ICommandHandler<WithdrawSignoffRequestCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: WithdrawSignoffRequestCommand) {
    return this.runner.run(Signoff, data.signoffId, { type: 'withdraw-signoff-request', data }, ctx);
  }
}
