import type { StoredEvent } from '../../src/ledger/event-envelope';
import { Escalation, type EscalationEvent } from '../../src/escalations';
import { DataSubject } from '../../src/privacy';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import { historyEntry, stampOf } from '../partners/record-history';
import { NO_REVISION, revisionAfter } from '../record-revision';
import { subscribe, type SubscribedProjection } from '../subscription';
import { DATA_SUBJECT_KEY_PREFIX, dataSubjectKey, type DataSubjectDoc } from './data-subject-doc';

/** The escalation events that name a data subject (the others never mention one). */
const escalations = subscribe(Escalation, {
  'escalation-raised': 'handled',
  'escalation-acknowledged': 'handled',
  'escalation-response-recorded': 'handled',
  'escalation-data-subject-rectified': 'handled',
  'escalation-stage-escalated': 'ignored',
  'escalation-resolved': 'ignored',
  'escalation-closed': 'ignored',
});
const erasures = subscribe(DataSubject, { 'data-subject-erased': 'handled' });

const newSubject = (subjectId: string): DataSubjectDoc => ({
  subjectId,
  exists: false,
  references: [],
  rectifications: [],
  erasures: [],
  erasedVersions: [],
  revision: NO_REVISION,
  history: [],
});

/** The subjects an escalation event names: every one it raises, the one rectified, the one a note is about. */
function subjectsOf(event: DecodedEvent<EscalationEvent>): string[] {
  switch (event.type) {
    case 'escalation-raised':
      return (event.data.dataSubjects ?? []).map((d) => d.subjectId);
    case 'escalation-acknowledged':
    case 'escalation-response-recorded':
      return event.data.personalNote ? [event.data.personalNote.subjectId] : [];
    case 'escalation-data-subject-rectified':
      return [event.data.subjectId];
    default:
      return [];
  }
}

function evolveEscalation(doc: DataSubjectDoc, event: DecodedEvent<EscalationEvent>): DataSubjectDoc {
  const { escalationId } = event.data;
  switch (event.type) {
    case 'escalation-raised': {
      const named = event.data.dataSubjects!.find((d) => d.subjectId === doc.subjectId)!;
      const reference = {
        escalationId,
        streamId: event.streamId,
        relation: named.relation,
        raisedByAgency: event.data.raisedByAgency,
        concerningAgency: event.data.concerningAgency,
        named: stampOf(event),
        personalNotes: 0,
      };
      return {
        ...doc,
        exists: true,
        name: named.name,
        ...(named.dateOfBirth !== undefined ? { dateOfBirth: named.dateOfBirth } : {}),
        references: [...doc.references, reference],
        history: [...doc.history, historyEntry(event, `Named (${named.relation}) in escalation ${escalationId}`)],
      };
    }
    case 'escalation-acknowledged':
    case 'escalation-response-recorded':
      return {
        ...doc,
        references: doc.references.map((r) =>
          r.escalationId === escalationId ? { ...r, personalNotes: r.personalNotes + 1 } : r,
        ),
        history: [...doc.history, historyEntry(event, `Personal note recorded in escalation ${escalationId}`)],
      };
    case 'escalation-data-subject-rectified': {
      const { name, dateOfBirth, reason } = event.data;
      const fields = [
        ...(name !== undefined ? ['name' as const] : []),
        ...(dateOfBirth !== undefined ? ['dateOfBirth' as const] : []),
      ];
      return {
        ...doc,
        ...(name !== undefined ? { name } : {}),
        ...(dateOfBirth !== undefined ? { dateOfBirth } : {}),
        rectifications: [
          ...doc.rectifications,
          { ...stampOf(event), escalationId, fields, reason, eventId: event.id, position: event.position },
        ],
        history: [
          ...doc.history,
          historyEntry(event, `Rectified ${fields.join(' and ')} in escalation ${escalationId}`),
        ],
      };
    }
    default:
      return doc;
  }
}

function evolve(doc: DataSubjectDoc, stored: StoredEvent): DataSubjectDoc {
  if (escalations.takes(stored)) return evolveEscalation(doc, escalations.decode(stored));
  const event = erasures.decode(stored);
  const { keyVersions, basis, reason } = event.data;
  return {
    ...doc,
    exists: true,
    erasures: [
      ...doc.erasures,
      { ...stampOf(event), keyVersions, basis, reason, eventId: event.id, position: event.position },
    ],
    erasedVersions: [...new Set([...doc.erasedVersions, ...keyVersions])].sort((a, b) => a - b),
    revision: revisionAfter(doc, stored, { category: erasures.category, id: doc.subjectId }),
    history: [
      ...doc.history,
      historyEntry(
        event,
        `Erased key version${keyVersions.length === 1 ? '' : 's'} ${keyVersions.join(', ')} (${basis})`,
      ),
    ],
  };
}

/**
 * The data subjects register: one document per person an escalation names, with where they are
 * named and every rectification and erasure. Its revision is the subject's own stream's
 * (datasubject-<id>), which the erasure command takes as If-Match.
 */
export const dataSubjectsProjection: SubscribedProjection<DataSubjectDoc> = {
  name: 'data-subjects',
  version: 1,
  subscriptions: [escalations, erasures],
  canHandle: (event) => escalations.takes(event) || erasures.takes(event),
  keysOf: (event) =>
    erasures.takes(event)
      ? [dataSubjectKey(erasures.decode(event).data.subjectId)]
      : subjectsOf(escalations.decode(event)).map(dataSubjectKey),
  initialState: (key) => newSubject(key.slice(DATA_SUBJECT_KEY_PREFIX.length)),
  evolve,
};
