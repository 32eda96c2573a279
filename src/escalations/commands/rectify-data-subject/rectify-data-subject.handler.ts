import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertMayActFor } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { escalationParties } from '../escalation-parties';
import { RectifyDataSubjectCommand } from './rectify-data-subject.command';

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
