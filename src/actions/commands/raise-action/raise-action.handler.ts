import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Action, type ActionCommand } from '../../domain/action';
import { meetingFacts, missingOwners } from '../reference-facts';
import type { CommandData } from '../../../ledger/aggregate';

export class RaiseActionCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'raise-action', 'facts'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RaiseActionCommand)
export class RaiseActionHandler implements ICommandHandler<RaiseActionCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RaiseActionCommand) {
    // Meetings, people and partners are other aggregates: read them and hand the facts to the pure decider.
    const [meeting, targetMeeting, missing] = await Promise.all([
      meetingFacts(this.runner, data.meetingId),
      data.targetMeetingId ? meetingFacts(this.runner, data.targetMeetingId) : undefined,
      missingOwners(this.runner, data.owners),
    ]);
    return this.runner.run(
      Action,
      data.actionId,
      { type: 'raise-action', data: { ...data, facts: { meeting, targetMeeting, missingOwners: missing } } },
      ctx,
    );
  }
}
