import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { ResolveEscalationCommand } from './resolve-escalation.command';

@CommandHandler(ResolveEscalationCommand)
export class ResolveEscalationHandler implements ICommandHandler<ResolveEscalationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ResolveEscalationCommand) {
    return this.runner.run(Escalation, data.escalationId, { type: 'resolve-escalation', data }, ctx);
  }
}
