import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DATA_SUBJECT_KEY_PREFIX,
  matchesDataSubject,
  statusOf,
  type DataSubjectDoc,
  type DataSubjectsQuery,
} from '../../../projections/data-subjects/data-subject-doc';
import { dataSubjectsProjection } from '../../../projections/data-subjects/data-subjects.projection';
import { SEES_EVERY_ESCALATIONS_PERSONAL_VALUES } from '../../auth/personal-data-readers';
import type { Role } from '../../auth/permissions';
import { Requires } from '../../auth/requires.decorator';
import { Viewer } from '../../auth/viewer.decorator';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import type { Actor } from '../../ledger/event-envelope';
import { PersonalDataCipher } from '../../privacy';
import type { Shown } from '../escalations/trail-disclosure';
import { ReadModelETag, RecordETag } from '../etag/read-etag';
import { ReadModelStore } from '../read-model-store';
import { RecordReader, type RecordView, type RegistryModel } from '../registry/record-reader';
import { DataSubjectsQueryDto } from './data-subjects-query.dto';
import { DataSubjectDto, DataSubjectHistoryDto, DataSubjectPageDto } from './data-subjects-responses.dto';

const DATA_SUBJECTS: RegistryModel<DataSubjectDoc, DataSubjectsQuery> = {
  projection: dataSubjectsProjection.name,
  prefix: DATA_SUBJECT_KEY_PREFIX,
  what: 'Data subject',
  matches: matchesDataSubject,
};

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
  list(@Query() q: DataSubjectsQueryDto, @Viewer() viewer: Actor): DataSubjectPageDto {
    const page = this.reader().list({ status: q.status, escalation: q.escalation }, q.limit ?? 50, q.cursor);
    return { ...page, items: page.items.map((s) => this.show(viewer, s)) };
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
  get(@RecordId('subjectId') subjectId: string, @Viewer() viewer: Actor): DataSubjectDto {
    return this.show(viewer, this.reader().get(subjectId));
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

  /** Values revealed (erased versions as "[erased]", however soon after the erasure) or withheld, with the status. */
  private show(viewer: Actor, subject: RecordView<DataSubjectDoc>): DataSubjectDto {
    const entitled = SEES_EVERY_ESCALATIONS_PERSONAL_VALUES.includes(viewer.role as Role);
    const shown = (
      entitled
        ? this.cipher.reveal(subject, (_id, version) => subject.erasedVersions.includes(version))
        : this.cipher.withhold(subject)
    ) as Shown<RecordView<DataSubjectDoc>>;
    return { ...shown, status: statusOf(subject) };
  }
}
