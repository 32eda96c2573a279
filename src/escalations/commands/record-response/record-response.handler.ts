import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertActsFor } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { RecordResponseCommand } from './record-response.command';

@CommandHandler(RecordResponseCommand)
export class RecordResponseHandler implements ICommandHandler<RecordResponseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ data, ctx }: RecordResponseCommand) {
    // A partner representative responds only in escalations concerning their agency, and only as it;
    // the secretariat may record either party's response.
    const { state } = await this.runner.load(Escalation, data.escalationId);
    if (state.concerningAgency) assertActsFor(ctx.actor, 'escalations:respond', state.concerningAgency);
    assertActsFor(ctx.actor, 'escalations:respond', data.respondingAgency);
    return this.runner.run(Escalation, data.escalationId, { type: 'record-escalation-response', data }, ctx);
  }
}
