import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../../shared/openapi/deferred-swagger';
import { ApiOkHeaders } from '../../../http/ok-response-headers';
import { RecordRead } from '../../../http/endpoint-responses';
import { PackAccessLogSchema } from '../pack-views.responses';
import { Requires } from '../../../auth/requires.decorator';
import type { Actor } from '../../../ledger/event-envelope';
import { DEPRECATION_RESPONSE_HEADERS, DeprecatedMembers } from '../../../http/deprecation';
import { RecordId } from '../../../http/id.pipe';
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
  @RecordRead(
    PackAccessLogSchema,
    'Every request, grant, revocation and download, in ledger order: each entry names who, what and when as histories do (type, actor, occurredAt, recordedAt); its deprecated action and by say the same and go after one release',
    { problems: { 404: 'evidence-pack-not-found: no such pack, or not yours to see' } },
  )
  @ApiOkHeaders(DEPRECATION_RESPONSE_HEADERS)
  @DeprecatedMembers('2026-12-06T00:00:00Z', '/docs#/evidence-packs/getEvidencePackAccessLog')
  async get(@RecordId('packId') packId: string, @Viewer() viewer: Actor): Promise<PackAccessLogSchema> {
    const record = await this.reader.one(packId);
    if (!canSee(record.state, viewer.userId, accessLogAccessOf(viewer), this.clock.now().toISOString()))
      throw new NotFound('Evidence pack', packId);
    return { packId, entries: accessLog(record.events) };
  }
}
