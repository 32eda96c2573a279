import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action } from '../../domain/action';
import { ChangeActionDueDateCommand } from './change-action-due-date.command';

@CommandHandler(ChangeActionDueDateCommand)
export class ChangeActionDueDateHandler implements ICommandHandler<ChangeActionDueDateCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: ChangeActionDueDateCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('changeActionDueDate', data.actionId, ctx);
    return this.runner.run(Action, data.actionId, { type: 'change-action-due-date', data }, ctx);
  }
}
