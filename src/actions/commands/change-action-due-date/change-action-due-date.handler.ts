import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Action } from '../../domain/action';
import { ChangeActionDueDateCommand } from './change-action-due-date.command';

@CommandHandler(ChangeActionDueDateCommand)
export class ChangeActionDueDateHandler implements ICommandHandler<ChangeActionDueDateCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ChangeActionDueDateCommand) {
    return this.runner.run(Action, data.actionId, { type: 'change-action-due-date', data }, ctx);
  }
}
