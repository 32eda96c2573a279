import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import type { CommandData } from '../../../ledger/aggregate';

export class ReopenActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'reopen-action'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReopenActionCommand)
export class ReopenActionHandler implements ICommandHandler<ReopenActionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: ReopenActionCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('reopenAction', data.actionId, ctx);
    return this.runner.run(Action, data.actionId, { type: 'reopen-action', data }, ctx);
  }
}
