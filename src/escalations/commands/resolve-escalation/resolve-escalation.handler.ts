import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertMayActFor } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import { ResolveEscalationCommand } from './resolve-escalation.command';

@CommandHandler(ResolveEscalationCommand)
export class ResolveEscalationHandler implements ICommandHandler<ResolveEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: ResolveEscalationCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'resolveEscalation', await escalationParties(this.runner, data.escalationId));
    return this.runner.run(Escalation, data.escalationId, { type: 'resolve-escalation', data }, ctx);
  }
}
