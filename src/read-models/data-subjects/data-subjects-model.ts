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
import type { Actor } from '../../ledger/event-envelope';
import type { KeyRing, PersonalDataCipher } from '../../privacy';
import type { Shown } from '../escalations/trail-disclosure';
import { recordView, type RecordView, type RegistryModel } from '../registry/record-reader';
import type { StreamSpec } from '../sse/projection-streams';
import type { DataSubjectDto } from './data-subjects-responses.dto';

export const DATA_SUBJECTS: RegistryModel<DataSubjectDoc, DataSubjectsQuery> = {
  projection: dataSubjectsProjection.name,
  prefix: DATA_SUBJECT_KEY_PREFIX,
  what: 'Data subject',
  matches: matchesDataSubject,
};

/**
 * One subject as this viewer may see them, with the status: the values revealed to the roles that see
 * every escalation's personal values (an erased version as "[erased]" as soon as the document holds the
 * erasure, before the key store has destroyed the key), the withheld marker to everyone else. The one
 * rule for the live reads, the as-of reads and the stream.
 */
export async function showDataSubject(
  cipher: PersonalDataCipher,
  viewer: Pick<Actor, 'role'>,
  subject: RecordView<DataSubjectDoc>,
  keys?: KeyRing,
): Promise<DataSubjectDto> {
  const shown = (
    entitled(viewer)
      ? await cipher.reveal(subject, (_id, version) => subject.erasedVersions.includes(version), keys)
      : cipher.withhold(subject)
  ) as Shown<RecordView<DataSubjectDoc>>;
  return { ...shown, status: statusOf(subject) };
}

/** A page of subjects as one viewer may see them (showDataSubject), their keys read at once. */
export async function showDataSubjects(
  cipher: PersonalDataCipher,
  viewer: Pick<Actor, 'role'>,
  subjects: RecordView<DataSubjectDoc>[],
): Promise<DataSubjectDto[]> {
  const keys = entitled(viewer) ? await cipher.keysFor(subjects) : undefined;
  return Promise.all(subjects.map((s) => showDataSubject(cipher, viewer, s, keys)));
}

const entitled = (viewer: Pick<Actor, 'role'>) => SEES_EVERY_ESCALATIONS_PERSONAL_VALUES.includes(viewer.role as Role);

/**
 * The subjects' documents as one viewer may see them (showDataSubject): an erasure or rectification
 * changes the subject's own document, so a live client is sent it again, "[erased]" or corrected.
 */
export const dataSubjectDocuments = (
  cipher: PersonalDataCipher,
  viewer: Pick<Actor, 'role'>,
): StreamSpec<DataSubjectDoc> => ({
  projection: dataSubjectsProjection,
  select: (_key, doc) =>
    doc.exists
      ? showDataSubject(cipher, viewer, recordView(doc)).then((data) => ({ type: 'data-subject', data }))
      : undefined,
});
