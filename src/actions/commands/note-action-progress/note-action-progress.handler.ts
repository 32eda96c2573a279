import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import type { CommandData } from '../../../ledger/aggregate';

export class NoteActionProgressCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'note-action-progress'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(NoteActionProgressCommand)
export class NoteActionProgressHandler implements ICommandHandler<NoteActionProgressCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: NoteActionProgressCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('noteActionProgress', data.actionId, ctx);
    return this.runner.run(Action, data.actionId, { type: 'note-action-progress', data }, ctx);
  }
}
