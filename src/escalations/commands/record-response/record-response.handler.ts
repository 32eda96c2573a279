import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Escalation, type EscalationCommand } from '../../domain/escalation';
import { assertActsForNamed } from '../../../auth/agency-scope';
import type { CommandData } from '../../../ledger/aggregate';

export class RecordResponseCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EscalationCommand, 'record-escalation-response'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

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
