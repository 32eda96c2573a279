import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { ListRead } from '../../../http/response-schemas';
import { PackViewSchema } from '../pack-views.responses';
import { Requires } from '../../../auth/requires.decorator';
import { fillPage, positionCursor, type Page } from '../../../http/cursor-page';
import type { Actor } from '../../../ledger/event-envelope';
import { CLOCK, type Clock } from '../../../shared/clock';
import { canSee } from '../../domain/evidence-pack';
import { PackProgressTracker } from '../../jobs/pack-progress';
import { packAccessOf } from '../pack-access';
import { EvidencePackReader, type PackRecord } from '../pack-reader';
import { packView } from '../pack-views';
import { Viewer } from '../viewer.decorator';
import { ListEvidencePacksDto } from './list-evidence-packs.dto';

@ApiTags('evidence-packs')
@ApiBearerAuth()
@Controller('evidence-packs')
export class ListEvidencePacksController {
  constructor(
    private readonly reader: EvidencePackReader,
    private readonly progress: PackProgressTracker,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Requires('packs:access-log')
  @ApiOperation({
    operationId: 'listEvidencePacks',
    summary:
      'Packs in request order, cursor paged. Requesters see every pack; an inspector only packs granted to them and still active; others none',
  })
  @ListRead(PackViewSchema, 'A page of packs in request order; a bad filter or cursor is a 400')
  async list(@Query() q: ListEvidencePacksDto, @Viewer() viewer: Actor): Promise<Page<PackViewSchema>> {
    const after = q.cursor === undefined ? -1 : positionCursor.decode(q.cursor);
    const now = this.clock.now().toISOString();
    const access = packAccessOf(viewer);
    const requestedAt = (r: PackRecord) => r.events[0].position;
    return fillPage(await this.reader.all(), q.limit ?? 50, positionCursor, requestedAt, (r) =>
      requestedAt(r) > after &&
      canSee(r.state, viewer.userId, access, now) &&
      (q.status === undefined || r.state.status === q.status)
        ? packView(r, { userId: viewer.userId, access }, now, this.progress.get(r.packId))
        : undefined,
    );
  }
}
