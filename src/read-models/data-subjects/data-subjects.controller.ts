import { Controller, Get, Headers, MessageEvent, Query, SseSignal } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import type { Observable } from 'rxjs';
import { dataSubjectsProjection } from '../../../projections/data-subjects/data-subjects.projection';
import { Requires } from '../../auth/requires.decorator';
import { Viewer } from '../../auth/viewer.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import type { Actor } from '../../ledger/event-envelope';
import { PersonalDataCipher } from '../../privacy';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader } from '../registry/record-reader';
import { ProjectionStreamEndpoint, StreamQueryDto } from '../sse/api-event-stream';
import { ProjectionStreams } from '../sse/projection-streams';
import { DATA_SUBJECTS, dataSubjectDocuments, showDataSubject, showDataSubjects } from './data-subjects-model';
import { DataSubjectsQueryDto } from './data-subjects-query.dto';
import { DataSubjectDto, DataSubjectHistoryDto, DataSubjectPageDto } from './data-subjects-responses.dto';

/**
 * The data subjects register, for the data protection officer and auditors: who the ledger names,
 * where, and every rectification and erasure. The name and date of birth are shown in clear (or
 * "[erased]") only to the roles that see every escalation's personal values (chair, business
 * manager, DPO); an auditor reads the same register with the withheld marker.
 */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('data-subjects')
export class DataSubjectsController {
  constructor(
    private readonly store: ReadModelStore,
    private readonly cipher: PersonalDataCipher,
    private readonly streams: ProjectionStreams,
  ) {}

  @Get()
  @ReadModelETag(dataSubjectsProjection)
  @Requires('personal-data:read')
  @ApiOperation({
    operationId: 'listDataSubjects',
    summary:
      'Data subjects the ledger names, with their status (sealed, rectified, erased), the escalations that name them, rectifications and erasures; filter by status or escalation; cursor paging',
  })
  @CollectionRead(DataSubjectPageDto, 'The page', { problems: { 400: 'A filter or the cursor is invalid' } })
  async list(@Query() q: DataSubjectsQueryDto, @Viewer() viewer: Actor): Promise<DataSubjectPageDto> {
    const page = this.reader().list({ status: q.status, escalation: q.escalation }, q.limit ?? 50, q.cursor);
    return { ...page, items: await showDataSubjects(this.cipher, viewer, page.items) };
  }

  /** Declared before :subjectId so "stream" is never read as an id. */
  @ProjectionStreamEndpoint(
    'streamDataSubjects',
    'Server-Sent Events: each data subject (event "data-subject", the same document as getDataSubject, values as you may see them) as applied; an erasure or rectification re-sends the subject, "[erased]" or corrected; id = ledger position',
    { 'data-subject': DataSubjectDto },
    'personal-data:read',
  )
  stream(
    @Headers() headers: Record<string, string | undefined>,
    @Query() query: StreamQueryDto,
    @SseSignal() signal: AbortSignal,
    @Viewer() viewer: Actor,
  ): Promise<Observable<MessageEvent>> {
    return this.streams.open(dataSubjectDocuments(this.cipher, viewer), { headers, query }, signal);
  }

  @Get(':subjectId')
  @RecordETag()
  @Requires('personal-data:read')
  @ApiOperation({
    operationId: 'getDataSubject',
    summary:
      'One data subject: status, latest values as you may see them, every escalation naming them, rectifications and erasures',
  })
  @RecordRead(DataSubjectDto, 'The record', { problems: { 404: 'data-subject-not-found' } })
  get(@RecordId('subjectId') subjectId: string, @Viewer() viewer: Actor): Promise<DataSubjectDto> {
    return showDataSubject(this.cipher, viewer, this.reader().get(subjectId));
  }

  @Get(':subjectId/history')
  @ReadModelETag(dataSubjectsProjection)
  @Requires('personal-data:read')
  @ApiOperation({
    operationId: 'getDataSubjectHistory',
    summary: "The subject's trail in ledger order: named, notes, rectifications, erasures; who, when, where to verify",
  })
  @RecordRead(DataSubjectHistoryDto, 'The record', { problems: { 404: 'data-subject-not-found' } })
  history(@RecordId('subjectId') subjectId: string): DataSubjectHistoryDto {
    return { subjectId, ...this.reader().history(subjectId) };
  }

  private reader() {
    return new RecordReader(DATA_SUBJECTS, this.store);
  }
}
