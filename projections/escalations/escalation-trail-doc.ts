import type {
  DataSubjectRelation,
  EscalationOutcome,
  EscalationStatus,
  PersonalNote,
  ProtocolStage,
} from '../../src/escalations';
import type { SealedValue } from '../../src/privacy';
import type { Actor } from '../../src/ledger/event-envelope';
import type { RecordRevision } from '../record-revision';

/** One line of an escalation's timeline: who did what, at which stage, when (business and recorded). */
export interface TrailEntry {
  type: string;
  stage: number;
  /** Business time: when it happened, which is what working days are counted from. */
  occurredAt: string;
  /** When the ledger stored it. */
  recordedAt: string;
  actor: Actor;
  summary: string;
  /** The agency that acknowledged or responded. */
  agency?: string;
  /** The words recorded with the event: a response, an acknowledgement note, an escalation reason, a resolution summary. */
  response?: string;
  note?: string;
  reason?: string;
  outcome?: EscalationOutcome;
  resolution?: string;
  /** Sealed in the document; opened (or "[erased]") only when a reader reveals it. */
  personalNote?: Personal<PersonalNote>;
  /** The data subject a rectification corrected. */
  subjectId?: string;
  /** Where to find the event in the ledger, to verify it against the hash chain. */
  eventId: string;
  position: number;
}

/**
 * The time an escalation spent at one stage, as business instants. Working days and breaches are
 * worked out at query time (see stage-measure.ts): an open stage is measured to the reader's asOf,
 * and the calendar may refuse a date, which must never stop the projection.
 */
export interface StagePeriod {
  stage: number;
  stageName: string;
  timescaleWorkingDays: number;
  startedAt: string;
  endedAt?: string;
  endedBy?: 'escalated' | 'resolved';
  /** First acknowledgement by the concerning agency at this stage. */
  acknowledgedAt?: string;
  responses: number;
}

/** A personal value as documents hold it: sealed (never plaintext at rest); revealed at query time. */
export type Sealable<T> = T | SealedValue;
type Personal<N extends PersonalNote> = Omit<N, 'text'> & { text: Sealable<string> };

/** A person the escalation names, with their latest (rectified) personal values, still sealed. */
export interface TrailDataSubject {
  subjectId: string;
  relation: DataSubjectRelation;
  name: Sealable<string>;
  dateOfBirth?: Sealable<string>;
  rectifiedAt?: string;
}

/** One escalation; `revision` is its stream's. */
export interface EscalationTrailDoc extends RecordRevision {
  escalationId: string;
  /** False only if later events arrive without the raise (never, through the decider). */
  raised: boolean;
  protocolId?: string;
  protocolVersion?: number;
  /** The stages of the protocol version it was raised under. */
  protocolStages: ProtocolStage[];
  raisedByAgency?: string;
  concerningAgency?: string;
  raisedByPersonId?: string;
  subject?: string;
  caseReference?: string;
  dataSubjects?: TrailDataSubject[];
  status: EscalationStatus;
  raisedAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  outcome?: EscalationOutcome;
  resolution?: string;
  stages: StagePeriod[];
  timeline: TrailEntry[];
}

export const ESCALATION_KEY_PREFIX = 'escalation:';
export const escalationKey = (escalationId: string) => `${ESCALATION_KEY_PREFIX}${escalationId}`;

/**
 * A data subject's recorded erasures, beside the escalations: the key versions whose values read as
 * erased from the erasure's position on, whether or not the key store has destroyed the keys yet
 * (the handler destroys them just after recording). A live stream re-sends every escalation naming
 * the subject when this document changes, so a client that showed the name is told it is gone.
 */
export interface ErasedSubjectDoc {
  subjectId: string;
  erasedVersions: number[];
}

export const ERASED_SUBJECT_KEY_PREFIX = 'erased-subject:';
export const erasedSubjectKey = (subjectId: string) => `${ERASED_SUBJECT_KEY_PREFIX}${subjectId}`;

/** Every document the projection holds: one per escalation, one per erased data subject. */
export type EscalationTrailDocument = EscalationTrailDoc | ErasedSubjectDoc;

export const isErasedSubject = (doc: EscalationTrailDocument): doc is ErasedSubjectDoc => 'erasedVersions' in doc;
