import { Escalation, type EscalationEvent } from '../../src/escalations';
import { DataSubject } from '../../src/privacy';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { withoutUndefined } from '../../src/shared/without-undefined';
import { NO_REVISION, revisionAfter } from '../record-revision';
import { subscribe, type SubscribedProjection } from '../subscription';
import {
  ERASED_SUBJECT_KEY_PREFIX,
  ESCALATION_KEY_PREFIX,
  erasedSubjectKey,
  escalationKey,
  isErasedSubject,
  type ErasedSubjectDoc,
  type EscalationTrailDoc,
  type EscalationTrailDocument,
  type StagePeriod,
  type TrailEntry,
} from './escalation-trail-doc';
import { summarise } from './timeline-summary';

/** Every escalation event adds to the trail. */
const escalations = subscribe(Escalation, {
  'escalation-raised': 'handled',
  'escalation-acknowledged': 'handled',
  'escalation-response-recorded': 'handled',
  'escalation-stage-escalated': 'handled',
  'escalation-resolved': 'handled',
  'escalation-closed': 'handled',
  'escalation-data-subject-rectified': 'handled',
});

/** Erasures: which key versions of a subject are gone (the escalations naming them are found at read time). */
const erasures = subscribe(DataSubject, { 'data-subject-erased': 'handled' });

const newTrail = (escalationId: string): EscalationTrailDoc => ({
  escalationId,
  raised: false,
  protocolStages: [],
  status: 'open',
  stages: [],
  timeline: [],
  revision: NO_REVISION,
});

/** Changes the last (current) stage period; stages only ever move forward, so it is the one in play. */
function withCurrentStage(stages: StagePeriod[], change: (s: StagePeriod) => StagePeriod): StagePeriod[] {
  return stages.length === 0 ? stages : [...stages.slice(0, -1), change(stages[stages.length - 1])];
}

/** Fields an event sets on top of the timeline entry it adds. */
function changes(doc: EscalationTrailDoc, event: EscalationEvent, at: string): Partial<EscalationTrailDoc> {
  switch (event.type) {
    case 'escalation-raised': {
      const {
        protocolId,
        protocolVersion,
        stages,
        raisedByAgency,
        concerningAgency,
        raisedByPersonId,
        subject,
        caseReference,
        dataSubjects,
        stage,
        stageName,
        timescaleWorkingDays,
      } = event.data;
      return {
        raised: true,
        protocolId,
        protocolVersion,
        protocolStages: stages,
        raisedByAgency,
        concerningAgency,
        raisedByPersonId,
        subject,
        caseReference,
        ...(dataSubjects?.length ? { dataSubjects: dataSubjects.map((d) => withoutUndefined({ ...d })) } : {}),
        status: 'open',
        raisedAt: at,
        stages: [{ stage, stageName, timescaleWorkingDays, startedAt: at, responses: 0 }],
      };
    }
    case 'escalation-acknowledged':
      return { stages: withCurrentStage(doc.stages, (s) => (s.acknowledgedAt ? s : { ...s, acknowledgedAt: at })) };
    case 'escalation-response-recorded':
      return { stages: withCurrentStage(doc.stages, (s) => ({ ...s, responses: s.responses + 1 })) };
    case 'escalation-stage-escalated': {
      const { stage, stageName, timescaleWorkingDays } = event.data;
      const ended = withCurrentStage(doc.stages, (s) => ({ ...s, endedAt: at, endedBy: 'escalated' }));
      return { stages: [...ended, { stage, stageName, timescaleWorkingDays, startedAt: at, responses: 0 }] };
    }
    // Resolution stops the clock on the stage it was resolved at; closing is bookkeeping after that.
    case 'escalation-resolved':
      return {
        status: 'resolved',
        resolvedAt: at,
        outcome: event.data.outcome,
        resolution: event.data.summary,
        stages: withCurrentStage(doc.stages, (s) => ({ ...s, endedAt: at, endedBy: 'resolved' })),
      };
    case 'escalation-closed':
      return { status: 'closed', closedAt: at };
    // The corrected values replace the wrong ones (both sealed); the timeline keeps that it happened and why.
    case 'escalation-data-subject-rectified': {
      const { subjectId, name, dateOfBirth } = event.data;
      return {
        dataSubjects: (doc.dataSubjects ?? []).map((d) =>
          d.subjectId !== subjectId
            ? d
            : withoutUndefined({
                ...d,
                ...(name !== undefined ? { name } : {}),
                ...(dateOfBirth !== undefined ? { dateOfBirth } : {}),
                rectifiedAt: at,
              }),
        ),
      };
    }
  }
}

/** The words each event carries, named for what they are. */
function words(event: EscalationEvent): Partial<TrailEntry> {
  switch (event.type) {
    case 'escalation-acknowledged':
      return {
        agency: event.data.agency,
        ...(event.data.note ? { note: event.data.note } : {}),
        ...(event.data.personalNote ? { personalNote: event.data.personalNote } : {}),
      };
    case 'escalation-response-recorded':
      return {
        agency: event.data.respondingAgency,
        response: event.data.response,
        ...(event.data.personalNote ? { personalNote: event.data.personalNote } : {}),
      };
    case 'escalation-data-subject-rectified':
      return { subjectId: event.data.subjectId, reason: event.data.reason };
    case 'escalation-stage-escalated':
      return { reason: event.data.reason };
    case 'escalation-resolved':
      return { outcome: event.data.outcome, resolution: event.data.summary };
    default:
      return {};
  }
}

function evolveTrail(doc: EscalationTrailDoc, stored: StoredEvent): EscalationTrailDoc {
  const event = escalations.decode(stored);
  const { occurredAt, recordedAt, actor } = event.metadata;
  const entry: TrailEntry = {
    type: event.type,
    stage: event.data.stage,
    occurredAt,
    recordedAt,
    actor,
    summary: summarise(event),
    ...words(event),
    eventId: event.id,
    position: event.position,
  };
  const revision = revisionAfter(doc, stored, { category: escalations.category, id: doc.escalationId });
  return withoutUndefined({ ...doc, ...changes(doc, event, occurredAt), timeline: [...doc.timeline, entry], revision });
}

function evolveErasures(doc: ErasedSubjectDoc, stored: StoredEvent): ErasedSubjectDoc {
  const { keyVersions } = erasures.decode(stored).data;
  return { ...doc, erasedVersions: [...new Set([...doc.erasedVersions, ...keyVersions])].sort((a, b) => a - b) };
}

function evolve(doc: EscalationTrailDocument, stored: StoredEvent): EscalationTrailDocument {
  return isErasedSubject(doc) ? evolveErasures(doc, stored) : evolveTrail(doc, stored);
}

/**
 * The escalation audit trail: one document per escalation with its timeline and stage periods, and
 * one per erased data subject (so erasure reaches readers and live streams as a change).
 */
export const escalationTrailProjection: SubscribedProjection<EscalationTrailDocument> = {
  name: 'escalation-trail',
  // 2: data subjects, personal notes and rectifications. 3: revision. 4: erased subjects.
  version: 4,
  subscriptions: [escalations, erasures],
  canHandle: (event) => escalations.takes(event) || erasures.takes(event),
  keysOf: (event) =>
    erasures.takes(event)
      ? [erasedSubjectKey(erasures.decode(event).data.subjectId)]
      : [escalationKey(escalations.decode(event).data.escalationId)],
  initialState: (key) =>
    key.startsWith(ERASED_SUBJECT_KEY_PREFIX)
      ? { subjectId: key.slice(ERASED_SUBJECT_KEY_PREFIX.length), erasedVersions: [] }
      : newTrail(key.slice(ESCALATION_KEY_PREFIX.length)),
  evolve,
};
