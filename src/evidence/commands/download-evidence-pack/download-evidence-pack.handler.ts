import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type CommandContext, type CommandResult, CommandRunner } from '../../../ledger/command-runner';
import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../../../shared/clock';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';
import { packAccessOf } from '../../queries/pack-access';
import type { CommandData } from '../../../ledger/aggregate';

export class DownloadEvidencePackCommand extends Command<CommandResult> {
  constructor(
    readonly data: CommandData<EvidencePackCommand, 'record-pack-download', 'now' | 'access'>,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/**
 * Records the download before a byte is sent: the decider refuses a caller who may not see the
 * pack (404) or a pack not yet built (409), so an unrecorded download cannot happen.
 */
@CommandHandler(DownloadEvidencePackCommand)
export class DownloadEvidencePackHandler implements ICommandHandler<DownloadEvidencePackCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, ctx }: DownloadEvidencePackCommand) {
    const facts = { access: packAccessOf(ctx.actor), now: this.clock.now().toISOString() };
    return this.runner.run(
      EvidencePack,
      data.packId,
      { type: 'record-pack-download', data: { ...data, ...facts } },
      ctx,
    );
  }
}
