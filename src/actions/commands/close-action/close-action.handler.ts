import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import type { CommandData } from '../../../ledger/aggregate';

export class CloseActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'close-action'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CloseActionCommand)
export class CloseActionHandler implements ICommandHandler<CloseActionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: CloseActionCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('closeAction', data.actionId, ctx);
    return this.runner.run(Action, data.actionId, { type: 'close-action', data }, ctx);
  }
}
