import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { RecordRead } from '../../../http/endpoint-responses';
import { PackViewSchema } from '../pack-views.responses';
import type { Actor } from '../../../ledger/event-envelope';
import { Requires } from '../../../auth/requires.decorator';
import { RecordId } from '../../../http/id.pipe';
import { CLOCK, type Clock } from '../../../shared/clock';
import { NotFound } from '../../../shared/domain-errors';
import { canSee } from '../../domain/evidence-pack';
import { PackProgressTracker } from '../../jobs/pack-progress';
import { packAccessOf } from '../pack-access';
import { EvidencePackReader } from '../pack-reader';
import { packView } from '../pack-views';
import { Viewer } from '../viewer.decorator';

@ApiTags('evidence-packs')
@ApiBearerAuth()
@Controller('evidence-packs')
export class GetEvidencePackController {
  constructor(
    private readonly reader: EvidencePackReader,
    private readonly progress: PackProgressTracker,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':packId')
  @Requires('packs:access-log')
  @ApiOperation({
    operationId: 'getEvidencePack',
    summary:
      "A pack's status, build progress and, once built, its root hash, size and files. Requesters see any pack; an inspector only a pack granted to them and still active",
  })
  @RecordRead(PackViewSchema, 'The pack', {
    problems: { 404: 'evidence-pack-not-found: no such pack, or not yours to see' },
  })
  async get(@RecordId('packId') packId: string, @Viewer() viewer: Actor): Promise<PackViewSchema> {
    const now = this.clock.now().toISOString();
    const access = packAccessOf(viewer);
    const record = await this.reader.one(packId);
    if (!canSee(record.state, viewer.userId, access, now)) throw new NotFound('Evidence pack', packId);
    return packView(record, { userId: viewer.userId, access }, now, this.progress.get(packId));
  }
}
