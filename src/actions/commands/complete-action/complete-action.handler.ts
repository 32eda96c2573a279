import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import type { CommandData } from '../../../ledger/aggregate';

export class CompleteActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'complete-action'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CompleteActionCommand)
export class CompleteActionHandler implements ICommandHandler<CompleteActionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: CompleteActionCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('completeAction', data.actionId, ctx);
    return this.runner.run(Action, data.actionId, { type: 'complete-action', data }, ctx);
  }
}
