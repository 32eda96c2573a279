import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { assertMayActFor } from '../../../auth/agency-scope';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import type { CommandData } from '../../../ledger/aggregate';

export class CloseEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EscalationCommand, 'close-escalation'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CloseEscalationCommand)
export class CloseEscalationHandler implements ICommandHandler<CloseEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: CloseEscalationCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'closeEscalation', await escalationParties(this.runner, data.escalationId));
    return this.runner.run(Escalation, data.escalationId, { type: 'close-escalation', data }, ctx);
  }
}
