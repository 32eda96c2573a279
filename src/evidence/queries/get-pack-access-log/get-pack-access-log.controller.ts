import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../auth/requires.decorator';
import type { Actor } from '../../../ledger/event-envelope';
import { DEPRECATION_RESPONSE_HEADERS, DeprecatedMembers } from '../../../http/deprecation';
import { IdPipe } from '../../../http/id.pipe';
import { CLOCK, type Clock } from '../../../shared/clock';
import { NotFound } from '../../../shared/domain-errors';
import { canSee } from '../../domain/evidence-pack';
import { accessLogAccessOf } from '../pack-access';
import { EvidencePackReader } from '../pack-reader';
import { accessLog } from '../pack-views';
import { Viewer } from '../viewer.decorator';

@ApiTags('evidence-packs')
@ApiBearerAuth()
@Controller('evidence-packs')
export class GetPackAccessLogController {
  constructor(
    private readonly reader: EvidencePackReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':packId/access-log')
  @Requires('packs:access-log')
  @ApiOperation({
    operationId: 'getEvidencePackAccessLog',
    summary:
      'Every request, grant, revocation and download of a pack with who and when. Requesters and DPOs any pack; an inspector only a pack granted to them and still active',
  })
  @ApiOkResponse({
    description:
      '{ packId, entries }: each entry names who, what and when as histories do (type, actor, occurredAt, recordedAt); its deprecated action and by say the same and go after one release',
    headers: DEPRECATION_RESPONSE_HEADERS,
  })
  @DeprecatedMembers('2026-12-06T00:00:00Z', '/docs#/evidence-packs/getEvidencePackAccessLog')
  @ApiNotFoundResponse({
    description: 'evidence-pack-not-found: no such pack, or not yours to see',
    schema: { $ref: '#/components/schemas/Problem' },
  })
  async get(@Param('packId', IdPipe) packId: string, @Viewer() viewer: Actor) {
    const record = await this.reader.one(packId);
    if (!canSee(record.state, viewer.userId, accessLogAccessOf(viewer), this.clock.now().toISOString()))
      throw new NotFound('Evidence pack', packId);
    return { packId, entries: accessLog(record.events) };
  }
}
