import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import { Viewer } from '../../auth/viewer.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import type { Actor } from '../../ledger/event-envelope';
import { PersonalDataCipher } from '../../privacy';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { AsOfETag } from '../etag/read-etag';
import { RecordReader } from '../registry/record-reader';
import { DATA_SUBJECTS, showDataSubject, showDataSubjects } from './data-subjects-model';
import { AsOfDataSubjectsQueryDto } from './data-subjects-query.dto';
import { DataSubjectAsOfDto, DataSubjectHistoryAsOfDto, DataSubjectPageAsOfDto } from './data-subjects-responses.dto';

const NOT_FOUND = 'data-subject-not-found: no escalation had named them (and no erasure was recorded) by then';

/**
 * The data subjects register as it stood at a past point of the log (knownAt) and business date
 * (validAt): the same reader over an as-of view, for the same readers (personal-data:read) and with the
 * same disclosure as the live reads. Values are revealed now, so a subject erased since reads "[erased]"
 * in every past answer too, whatever status they had then.
 */
@ApiTags('personal-data')
@ApiBearerAuth()
@Controller('as-of/data-subjects')
export class DataSubjectsAsOfController {
  constructor(
    private readonly engine: AsOfEngine,
    private readonly cipher: PersonalDataCipher,
  ) {}

  @Get()
  @AsOfRead(AsOfETag, 'personal-data:read')
  @ApiOperation({
    operationId: 'listDataSubjectsAsOf',
    summary:
      'Data subjects as known at knownAt (recording time) and true at validAt (business time); same filters, paging and disclosure as listDataSubjects',
  })
  @CollectionRead(DataSubjectPageAsOfDto, 'The page', {
    problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
  })
  list(@Query() q: AsOfDataSubjectsQueryDto, @Viewer() viewer: Actor): Promise<DataSubjectPageAsOfDto> {
    return asOfPage(this.engine, DATA_SUBJECTS.projection, q, async (view) => {
      const page = new RecordReader(DATA_SUBJECTS, view).list(
        { status: q.status, escalation: q.escalation },
        q.limit ?? 50,
        q.cursor,
      );
      return { ...page, items: await showDataSubjects(this.cipher, viewer, page.items) };
    });
  }

  @Get(':subjectId')
  @AsOfRead(AsOfETag, 'personal-data:read')
  @ApiOperation({
    operationId: 'getDataSubjectAsOf',
    summary: 'One data subject as known at knownAt and true at validAt, values as you may see them',
  })
  @RecordRead(DataSubjectAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  get(
    @RecordId('subjectId') subjectId: string,
    @Query() q: AsOfQueryDto,
    @Viewer() viewer: Actor,
  ): Promise<DataSubjectAsOfDto> {
    return asOfRecord(this.engine, DATA_SUBJECTS.projection, q, (view) =>
      showDataSubject(this.cipher, viewer, new RecordReader(DATA_SUBJECTS, view).get(subjectId)),
    );
  }

  @Get(':subjectId/history')
  @AsOfRead(AsOfETag, 'personal-data:read')
  @ApiOperation({
    operationId: 'getDataSubjectHistoryAsOf',
    summary: "The subject's trail as known at knownAt, of what had happened by validAt",
  })
  @RecordRead(DataSubjectHistoryAsOfDto, 'The record', { problems: { 404: NOT_FOUND } })
  history(@RecordId('subjectId') subjectId: string, @Query() q: AsOfQueryDto): Promise<DataSubjectHistoryAsOfDto> {
    return asOfRecord(this.engine, DATA_SUBJECTS.projection, q, (view) => ({
      subjectId,
      ...new RecordReader(DATA_SUBJECTS, view).history(subjectId),
    }));
  }
}
