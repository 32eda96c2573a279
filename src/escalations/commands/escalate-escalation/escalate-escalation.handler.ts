import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { assertMayActFor } from '../../../auth/agency-scope';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import type { CommandData } from '../../../ledger/aggregate';

export class EscalateEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EscalationCommand, 'escalate-escalation'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EscalateEscalationCommand)
export class EscalateEscalationHandler implements ICommandHandler<EscalateEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: EscalateEscalationCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'escalateEscalation', await escalationParties(this.runner, data.escalationId));
    return this.runner.run(Escalation, data.escalationId, { type: 'escalate-escalation', data }, ctx);
  }
}
