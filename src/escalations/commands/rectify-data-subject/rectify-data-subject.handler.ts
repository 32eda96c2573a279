import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Escalation } from '../../domain/escalation';
import { RectifyDataSubjectCommand } from './rectify-data-subject.command';

@CommandHandler(RectifyDataSubjectCommand)
export class RectifyDataSubjectHandler implements ICommandHandler<RectifyDataSubjectCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RectifyDataSubjectCommand) {
    // Sealing under a new key version is declared on the event type (newKeyVersion), not done here.
    return this.runner.run(Escalation, data.escalationId, { type: 'rectify-data-subject', data }, ctx);
  }
}
