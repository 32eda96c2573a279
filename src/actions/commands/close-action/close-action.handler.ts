import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Action } from '../../domain/action';
import { CloseActionCommand } from './close-action.command';

@CommandHandler(CloseActionCommand)
export class CloseActionHandler implements ICommandHandler<CloseActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: CloseActionCommand) {
    return this.runner.run(Action, data.actionId, { type: 'close-action', data }, ctx);
  }
}
