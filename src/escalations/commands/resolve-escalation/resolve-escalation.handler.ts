import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { assertMayActFor } from '../../../auth/agency-scope';
import { escalationParties } from '../escalation-parties';
import type { CommandData } from '../../../ledger/aggregate';

export class ResolveEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EscalationCommand, 'resolve-escalation'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ResolveEscalationCommand)
export class ResolveEscalationHandler implements ICommandHandler<ResolveEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ResolveEscalationCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'resolveEscalation', await escalationParties(this.runner, data.escalationId));
    return this.runner.run(Escalation, data.escalationId, { type: 'resolve-escalation', data }, ctx);
  }
}
