import { Controller, Get, StreamableFile, Inject } from '@nestjs/common';
import { LedgerCommand } from '../../../ledger/ledger-command';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '../../../shared/openapi/deferred-swagger';
import { ReadProblems } from '../../../http/endpoint-responses';
import { Requires } from '../../../auth/requires.decorator';
import { type CommandContext, CommandRunner } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { PACK_FILES, type PackFiles } from '../../jobs/pack-files.port';
import { CLOCK, type Clock } from '../../../shared/clock';
import { EvidencePack, type EvidencePackCommand } from '../../domain/evidence-pack';
import { packAccessOf } from '../../queries/pack-access';
import type { CommandData } from '../../../ledger/aggregate';

export class DownloadEvidencePackCommand extends LedgerCommand<
  CommandData<EvidencePackCommand, 'record-pack-download', 'now' | 'access'>
> {}

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

@ApiTags('evidence-packs')
@ApiBearerAuth()
@Controller('evidence-packs')
export class DownloadEvidencePackController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PACK_FILES) private readonly files: PackFiles,
  ) {}

  /** A GET that writes: the ledger records who downloaded the pack (the access log shows it) before streaming. */
  @Get(':packId/download')
  @Requires('packs:access-log')
  @ApiOperation({
    operationId: 'downloadEvidencePack',
    summary:
      'The built pack (ZIP). Requesters any pack; an inspector only a pack granted to them and still active. Each download is recorded first',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'The ZIP: manifest.json, events.ndjson, CSVs and summary.pdf',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ReadProblems(true, {
    problems: {
      404: 'evidence-pack-not-found: no such pack, or not yours to see',
      409: 'pack-not-completed: not built yet (or the build failed)',
      412: 'If-Match is stale',
      422: 'A rule refused the download (stable code in `code`)',
    },
  })
  async download(@RecordId('packId') packId: string, @Ctx() ctx: CommandContext): Promise<StreamableFile> {
    await this.commands.execute(new DownloadEvidencePackCommand({ packId }, ctx));
    // Kept on disk or in the shared store (PackFiles): streamed, never read whole into memory here.
    const kept = await this.files.open(packId);
    // Completed in the ledger but not kept is a server fault (500), not the caller's.
    if (!kept) throw new Error(`Evidence pack ${packId} is completed but its file is missing`);
    return new StreamableFile(kept.stream(), {
      type: 'application/zip',
      length: kept.size,
      disposition: `attachment; filename="${packId}.zip"`,
    });
  }
}
