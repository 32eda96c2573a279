import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Action } from '../../domain/action';
import { ReopenActionCommand } from './reopen-action.command';

@CommandHandler(ReopenActionCommand)
export class ReopenActionHandler implements ICommandHandler<ReopenActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ReopenActionCommand) {
    return this.runner.run(Action, data.actionId, { type: 'reopen-action', data }, ctx);
  }
}
