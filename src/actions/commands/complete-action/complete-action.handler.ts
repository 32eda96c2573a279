import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Action } from '../../domain/action';
import { CompleteActionCommand } from './complete-action.command';

@CommandHandler(CompleteActionCommand)
export class CompleteActionHandler implements ICommandHandler<CompleteActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: CompleteActionCommand) {
    return this.runner.run(Action, data.actionId, { type: 'complete-action', data }, ctx);
  }
}
