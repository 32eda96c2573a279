import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { assertMayActFor } from '../../../auth/agency-scope';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import type { CommandData } from '../../../ledger/aggregate';

export class RectifyDataSubjectCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EscalationCommand, 'rectify-data-subject'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RectifyDataSubjectCommand)
export class RectifyDataSubjectHandler implements ICommandHandler<RectifyDataSubjectCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RectifyDataSubjectCommand) {
    // The secretariat manages any escalation; were the access table to widen, only a party could (agency-rules.ts).
    assertMayActFor(ctx.actor, 'rectifyDataSubject', await escalationParties(this.runner, data.escalationId));
    // Sealing under a new key version is declared on the event type (newKeyVersion), not done here.
    return this.runner.run(Escalation, data.escalationId, { type: 'rectify-data-subject', data }, ctx);
  }
}
