import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Action } from '../../domain/action';
import { NoteActionProgressCommand } from './note-action-progress.command';

@CommandHandler(NoteActionProgressCommand)
export class NoteActionProgressHandler implements ICommandHandler<NoteActionProgressCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: NoteActionProgressCommand) {
    return this.runner.run(Action, data.actionId, { type: 'note-action-progress', data }, ctx);
  }
}
