import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { assertMayActFor } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class AcknowledgeEscalationCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EscalationCommand, 'acknowledge-escalation'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AcknowledgeEscalationCommand)
export class AcknowledgeEscalationHandler implements ICommandHandler<AcknowledgeEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: AcknowledgeEscalationCommand) {
    // Only the agency the escalation concerns acknowledges it: a partner representative must belong to it.
    // (An escalation never raised has no concerning agency; the decider refuses it with its own code.)
    const { state } = await this.runner.load(Escalation, data.escalationId);
    assertMayActFor(
      ctx.actor,
      'acknowledgeEscalation',
      state.concerningAgency === undefined ? undefined : [state.concerningAgency],
    );
    return this.runner.run(Escalation, data.escalationId, { type: 'acknowledge-escalation', data }, ctx);
  }
}
