import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../../ledger/command-runner';
import { EvidencePack } from '../../domain/evidence-pack';
import { RequestEvidencePackCommand } from './request-evidence-pack.command';

/** Records the request only: the job runner sees the event in the log and builds the pack. */
@CommandHandler(RequestEvidencePackCommand)
export class RequestEvidencePackHandler implements ICommandHandler<RequestEvidencePackCommand> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ data, ctx }: RequestEvidencePackCommand) {
    return this.runner.run(EvidencePack, data.packId, { type: 'request-evidence-pack', data }, ctx);
  }
}
