import type { DataSubjectRelation } from '../../src/escalations';
import type { ErasureBasis } from '../../src/privacy';
import type { Sealable } from '../escalations/escalation-trail-doc';
import type { RecordHistoryEntry, Stamp } from '../partners/record-history';
import type { RecordRevision } from '../record-revision';

/** Where the ledger refers to the subject: an escalation that names them, and what they are to it. */
export interface DataSubjectReference {
  escalationId: string;
  /** The stream to read or verify (escalation-<id>). */
  streamId: string;
  relation: DataSubjectRelation;
  /** The two parties: they (with the secretariat and the DPO) may see the values in that escalation. */
  raisedByAgency: string;
  concerningAgency: string;
  named: Stamp;
  /** Personal notes about the subject recorded in the escalation (sealed like the name). */
  personalNotes: number;
}

export interface DataSubjectRectification extends Stamp {
  escalationId: string;
  fields: ('name' | 'dateOfBirth')[];
  reason: string;
  eventId: string;
  position: number;
}

export interface DataSubjectErasure extends Stamp {
  keyVersions: number[];
  basis: ErasureBasis;
  reason: string;
  eventId: string;
  position: number;
}

/**
 * What the ledger holds about one data subject, for the data protection officer and auditors:
 * where they are named, every rectification and erasure, and their latest values, still sealed
 * (revealed, erased or withheld per reader at query time, like the escalation trail's).
 */
export interface DataSubjectDoc extends RecordRevision {
  subjectId: string;
  /** Named by an escalation, or erased: a subject the ledger never mentions is not a record. */
  exists: boolean;
  name?: Sealable<string>;
  dateOfBirth?: Sealable<string>;
  references: DataSubjectReference[];
  rectifications: DataSubjectRectification[];
  erasures: DataSubjectErasure[];
  /** Every key version the erasures destroyed, ascending. */
  erasedVersions: number[];
  history: RecordHistoryEntry[];
}

export const DATA_SUBJECT_KEY_PREFIX = 'data-subject:';
export const dataSubjectKey = (subjectId: string) => `${DATA_SUBJECT_KEY_PREFIX}${subjectId}`;

export const DATA_SUBJECT_STATUSES = ['sealed', 'rectified', 'erased'] as const;
export type DataSubjectStatus = (typeof DATA_SUBJECT_STATUSES)[number];

const keyVersionOf = (value: Sealable<string> | undefined): number | undefined =>
  typeof value === 'object' ? value.$personal.keyVersion : undefined;

/**
 * erased: the key versions of the values now held are destroyed (read "[erased]" for ever);
 * rectified: corrected at least once and still held; sealed: held as first recorded. Erasing only a
 * superseded version (the wrong values a rectification replaced) leaves the subject rectified.
 */
export function statusOf(
  doc: Pick<DataSubjectDoc, 'name' | 'dateOfBirth' | 'rectifications' | 'erasures' | 'erasedVersions'>,
): DataSubjectStatus {
  const current = [keyVersionOf(doc.name), keyVersionOf(doc.dateOfBirth)].filter((v) => v !== undefined);
  const erased =
    doc.erasures.length > 0 && (current.length === 0 || current.every((v) => doc.erasedVersions.includes(v)));
  if (erased) return 'erased';
  return doc.rectifications.length > 0 ? 'rectified' : 'sealed';
}

/** GET /data-subjects filters: every one given must match. */
export interface DataSubjectsQuery {
  status?: DataSubjectStatus;
  escalation?: string;
}

export const matchesDataSubject = (doc: DataSubjectDoc, q: DataSubjectsQuery): boolean =>
  (q.status === undefined || statusOf(doc) === q.status) &&
  (q.escalation === undefined || doc.references.some((r) => r.escalationId === q.escalation));
