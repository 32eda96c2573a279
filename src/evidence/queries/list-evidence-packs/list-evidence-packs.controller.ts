import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { Actor } from '../../../ledger/event-envelope';
import { CLOCK, type Clock } from '../../../shared/clock';
import { canSee } from '../../domain/evidence-pack';
import { PackProgressTracker } from '../../jobs/pack-progress';
import { packAccessOf } from '../pack-access';
import { EvidencePackReader } from '../pack-reader';
import { packView, type PackView } from '../pack-views';
import { Viewer } from '../viewer.decorator';
import { ListEvidencePacksDto } from './list-evidence-packs.dto';
import { decodePackCursor, encodePackCursor } from './pack-cursor';

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
  @ApiOkResponse({ description: '{ items, nextCursor }: nextCursor is null on the last page' })
  @ApiBadRequestResponse({
    description: 'A filter or the cursor is invalid',
    schema: { $ref: '#/components/schemas/Problem' },
  })
  async list(
    @Query() q: ListEvidencePacksDto,
    @Viewer() viewer: Actor,
  ): Promise<{ items: PackView[]; nextCursor: string | null }> {
    const after = q.cursor === undefined ? -1 : decodePackCursor(q.cursor);
    const limit = q.limit ?? 50;
    const now = this.clock.now().toISOString();
    const access = packAccessOf(viewer);
    const visible = (await this.reader.all()).filter(
      (r) =>
        r.events[0].position > after &&
        canSee(r.state, viewer.userId, access, now) &&
        (q.status === undefined || r.state.status === q.status),
    );
    const page = visible.slice(0, limit);
    const nextCursor = visible.length > limit ? encodePackCursor(page[page.length - 1].events[0].position) : null;
    return {
      items: page.map((r) => packView(r, { userId: viewer.userId, access }, now, this.progress.get(r.packId))),
      nextCursor,
    };
  }
}
