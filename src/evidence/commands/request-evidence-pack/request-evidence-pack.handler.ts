import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';
import type { CommandData } from '../../../ledger/aggregate';

export class RequestEvidencePackCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EvidencePackCommand, 'request-evidence-pack'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Records the request only: the job runner sees the event in the log and builds the pack. */
@CommandHandler(RequestEvidencePackCommand)
export class RequestEvidencePackHandler implements ICommandHandler<RequestEvidencePackCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RequestEvidencePackCommand) {
    return this.runner.run(EvidencePack, data.packId, { type: 'request-evidence-pack', data }, ctx);
  }
}
