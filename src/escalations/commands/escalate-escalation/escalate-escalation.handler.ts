import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertMayActFor } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import { EscalateEscalationCommand } from './escalate-escalation.command';

@CommandHandler(EscalateEscalationCommand)
export class EscalateEscalationHandler implements ICommandHandler<EscalateEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: EscalateEscalationCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'escalateEscalation', await escalationParties(this.runner, data.escalationId));
    return this.runner.run(Escalation, data.escalationId, { type: 'escalate-escalation', data }, ctx);
  }
}
