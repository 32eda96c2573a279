import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Action } from '../../domain/action';
import { CancelActionCommand } from './cancel-action.command';

@CommandHandler(CancelActionCommand)
export class CancelActionHandler implements ICommandHandler<CancelActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: CancelActionCommand) {
    return this.runner.run(Action, data.actionId, { type: 'cancel-action', data }, ctx);
  }
}
