import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../../shared/openapi/deferred-swagger';
import { DATA_SUBJECT_STATUSES, type DataSubjectStatus } from '../../../projections/data-subjects/data-subject-doc';
import { DATA_SUBJECT_RELATIONS, type DataSubjectRelation } from '../../escalations';
import { ERASED_TEXT, ERASURE_BASES, WITHHELD_TEXT, type ErasureBasis } from '../../privacy';
import { asOf, historyOf, idProperty, revisionProperty, StampDto } from '../registry/registry-responses.dto';

/**
 * The data subjects register's answers. The controller returns these types, so the compiler checks
 * them against the projection's documents as DataSubjectReader shows them (data-subject-doc.ts).
 */
const personal = (what: string) => ({
  type: String,
  description: `${what}: in clear to the chair, the business manager and the data protection officer, "${ERASED_TEXT}" once erased, "${WITHHELD_TEXT}" to everyone else`,
  example: WITHHELD_TEXT,
});

@ApiSchema({ name: 'DataSubjectReference', description: 'An escalation that names the subject' })
export class DataSubjectReferenceDto {
  @ApiProperty(idProperty('Escalation id')) escalationId!: string;
  @ApiProperty({ description: 'The stream to read or verify', example: 'escalation-ws-esc-2022-001' })
  streamId!: string;
  @ApiProperty({ enum: DATA_SUBJECT_RELATIONS }) relation!: DataSubjectRelation;
  @ApiProperty() raisedByAgency!: string;
  @ApiProperty() concerningAgency!: string;
  @ApiProperty({ type: StampDto, description: 'When and by whom the escalation named them' }) named!: StampDto;
  @ApiProperty({ type: 'integer', description: 'Personal notes about them recorded in it' }) personalNotes!: number;
}

@ApiSchema({ name: 'DataSubjectRectification' })
export class DataSubjectRectificationDto extends StampDto {
  @ApiProperty() escalationId!: string;
  @ApiProperty({ enum: ['name', 'dateOfBirth'], isArray: true }) fields!: ('name' | 'dateOfBirth')[];
  @ApiProperty() reason!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

@ApiSchema({ name: 'DataSubjectErasure' })
export class DataSubjectErasureDto extends StampDto {
  @ApiProperty({ type: 'integer', isArray: true }) keyVersions!: number[];
  @ApiProperty({ enum: ERASURE_BASES }) basis!: ErasureBasis;
  @ApiProperty() reason!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

@ApiSchema({ name: 'DataSubject', description: 'What the ledger holds about one data subject' })
export class DataSubjectDto {
  @ApiProperty(idProperty('Pseudonymous subject id')) subjectId!: string;
  @ApiProperty({
    enum: DATA_SUBJECT_STATUSES,
    description:
      'erased: the values now held are destroyed; rectified: corrected at least once; sealed: held as first recorded',
  })
  status!: DataSubjectStatus;
  @ApiPropertyOptional(personal('The latest name')) name?: string;
  @ApiPropertyOptional(personal('The latest date of birth')) dateOfBirth?: string;
  @ApiProperty({ type: [DataSubjectReferenceDto] }) references!: DataSubjectReferenceDto[];
  @ApiProperty({ type: [DataSubjectRectificationDto] }) rectifications!: DataSubjectRectificationDto[];
  @ApiProperty({ type: [DataSubjectErasureDto] }) erasures!: DataSubjectErasureDto[];
  @ApiProperty({ type: 'integer', isArray: true, description: 'Key versions destroyed' }) erasedVersions!: number[];
  @ApiProperty({ ...revisionProperty, description: "The subject's stream revision: If-Match for its erasure" })
  revision!: number;
}

@ApiSchema({ name: 'DataSubjectPage' })
export class DataSubjectPageDto {
  @ApiProperty({ type: [DataSubjectDto] }) items!: DataSubjectDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Null on the last page' }) nextCursor!: string | null;
}

@ApiSchema({ name: 'DataSubjectHistory' })
export class DataSubjectHistoryDto extends historyOf('subjectId', 'Pseudonymous subject id') {}

@ApiSchema({ name: 'DataSubjectAsOf', description: 'One data subject as known at knownAt and true at validAt' })
export class DataSubjectAsOfDto extends asOf(DataSubjectDto) {}

@ApiSchema({ name: 'DataSubjectPageAsOf' })
export class DataSubjectPageAsOfDto extends asOf(DataSubjectPageDto) {}

@ApiSchema({ name: 'DataSubjectHistoryAsOf' })
export class DataSubjectHistoryAsOfDto extends asOf(DataSubjectHistoryDto) {}
