import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import type { CommandData } from '../../../ledger/aggregate';

export class CancelActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'cancel-action'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CancelActionCommand)
export class CancelActionHandler implements ICommandHandler<CancelActionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: CancelActionCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('cancelAction', data.actionId, ctx);
    return this.runner.run(Action, data.actionId, { type: 'cancel-action', data }, ctx);
  }
}
