import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { Signoff } from '../../domain/signoff';
import { ReviseSignoffArtefactCommand } from './revise-signoff-artefact.command';

@CommandHandler(ReviseSignoffArtefactCommand)
export class ReviseSignoffArtefactHandler implements ICommandHandler<ReviseSignoffArtefactCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ReviseSignoffArtefactCommand) {
    return this.runner.run(Signoff, data.signoffId, { type: 'revise-signoff-artefact', data }, ctx);
  }
}
