import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Signoff, type SignoffCommand } from '../../domain/signoff';
import type { CommandData } from '../../../ledger/aggregate';

export class ReviseSignoffArtefactCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<SignoffCommand, 'revise-signoff-artefact'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseSignoffArtefactCommand)
export class ReviseSignoffArtefactHandler implements ICommandHandler<ReviseSignoffArtefactCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: ReviseSignoffArtefactCommand) {
    return this.runner.run(Signoff, data.signoffId, { type: 'revise-signoff-artefact', data }, ctx);
  }
}
