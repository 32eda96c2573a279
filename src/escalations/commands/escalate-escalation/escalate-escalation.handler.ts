import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { EscalateEscalationCommand } from './escalate-escalation.command';

@CommandHandler(EscalateEscalationCommand)
export class EscalateEscalationHandler implements ICommandHandler<EscalateEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: EscalateEscalationCommand) {
    return this.runner.run(Escalation, data.escalationId, { type: 'escalate-escalation', data }, ctx);
  }
}
