import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import type { CommandData } from '../../../ledger/aggregate';

export class ChangeActionDueDateCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'change-action-due-date'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

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
