import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertActsForNamed } from '../../../auth/agency-scope';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { RecordResponseCommand } from './record-response.command';

@CommandHandler(RecordResponseCommand)
export class RecordResponseHandler implements ICommandHandler<RecordResponseCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RecordResponseCommand) {
    // Each party responds for itself (the decider refuses an agency that is not a party);
    // the secretariat may record either party's response (agency-rules.ts).
    assertActsForNamed(ctx.actor, 'recordEscalationResponse', data);
    return this.runner.run(Escalation, data.escalationId, { type: 'record-escalation-response', data }, ctx);
  }
}
