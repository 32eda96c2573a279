import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { CloseEscalationCommand } from './close-escalation.command';

@CommandHandler(CloseEscalationCommand)
export class CloseEscalationHandler implements ICommandHandler<CloseEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: CloseEscalationCommand) {
    return this.runner.run(Escalation, data.escalationId, { type: 'close-escalation', data }, ctx);
  }
}
