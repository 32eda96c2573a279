import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import { missingOwners } from '../reference-facts';
import type { CommandData } from '../../../ledger/aggregate';

export class ReassignActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'reassign-action', 'missingOwners'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReassignActionCommand)
export class ReassignActionHandler implements ICommandHandler<ReassignActionCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: ReassignActionCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('reassignAction', data.actionId, ctx);
    // People and partners are other aggregates: hand the decider the fact of which are missing.
    const missing = await missingOwners(this.runner, data.owners);
    return this.runner.run(
      Action,
      data.actionId,
      { type: 'reassign-action', data: { ...data, missingOwners: missing } },
      ctx,
    );
  }
}
