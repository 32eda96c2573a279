import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { ActionOwnership } from '../action-ownership';
import { Action, type ActionCommand } from '../../domain/action';
import { meetingFacts } from '../reference-facts';
import type { CommandData } from '../../../ledger/aggregate';

export class CarryActionForwardCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<ActionCommand, 'carry-action-forward', 'facts'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CarryActionForwardCommand)
export class CarryActionForwardHandler implements ICommandHandler<CarryActionForwardCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly ownership: ActionOwnership,
  ) {}

  async execute({ data, ctx }: CarryActionForwardCommand) {
    // Who may change it: an agency that owns it (agency-rules.ts), checked before anything is decided.
    await this.ownership.assertMayChange('carryActionForward', data.actionId, ctx);
    // "Later" is judged against the raising meeting, which never changes: read which it was, then both meetings' dates.
    const { state } = await this.runner.load(Action, data.actionId);
    const [toMeeting, raising] = await Promise.all([
      meetingFacts(this.runner, data.toMeetingId),
      state.meetingId ? meetingFacts(this.runner, state.meetingId) : undefined,
    ]);
    const facts = { toMeeting, raisingMeetingScheduledFor: raising?.scheduledFor };
    return this.runner.run(Action, data.actionId, { type: 'carry-action-forward', data: { ...data, facts } }, ctx);
  }
}
