import { Controller, Get, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ReadProblems } from '../../../http/endpoint-responses';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Requires } from '../../../auth/requires.decorator';
import type { CommandContext } from '../../../ledger/command-runner';
import { Ctx } from '../../../http/command-context.decorator';
import { RecordId } from '../../../http/id.pipe';
import { PackStorage } from '../../jobs/pack-storage';
import { DownloadEvidencePackCommand } from './download-evidence-pack.handler';

@ApiTags('evidence-packs')
@ApiBearerAuth()
@Controller('evidence-packs')
export class DownloadEvidencePackController {
  constructor(
    private readonly commands: CommandBus,
    private readonly files: PackStorage,
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
    const path = this.files.pathOf(packId);
    // Completed in the ledger but missing on disk is a server fault (500), not the caller's.
    const { size } = await stat(path);
    return new StreamableFile(createReadStream(path), {
      type: 'application/zip',
      length: size,
      disposition: `attachment; filename="${packId}.zip"`,
    });
  }
}
