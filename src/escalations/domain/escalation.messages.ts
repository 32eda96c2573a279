import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';
import type { ProtocolStage } from './escalation-protocol';

export const ESCALATION_OUTCOMES = ['agreed', 'partially-agreed', 'not-agreed', 'withdrawn'] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];

/**
 * A pseudonymous case reference (e.g. a case-management system number): letters, digits and dashes,
 * up to 40 characters, with at least one digit so that a plain name cannot pass. The ledger is
 * append-only and tamper-evident: a child's or family's name written here could never be erased,
 * so names must NEVER go in a case reference (nor in a subject, note, response or summary).
 */
export const CASE_REFERENCE_PATTERN = /^(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

export const DATA_SUBJECT_RELATIONS = ['child', 'parent', 'carer', 'family-member', 'complainant', 'other'] as const;
export type DataSubjectRelation = (typeof DATA_SUBJECT_RELATIONS)[number];

/**
 * A person the escalation is about, outside any professional role. subjectId is pseudonymous (a
 * slug, e.g. "wsep-2022-001-child-1") and stays readable; name and dateOfBirth are personal and are
 * sealed under the subject's key before append (see the codec), so erasing the key erases them.
 * Deciders never look at the personal values, only at subject ids.
 */
export interface DataSubject {
  subjectId: string;
  relation: DataSubjectRelation;
  name: string;
  dateOfBirth?: string;
}

/** Free text about one named data subject, sealed like a name: it may say anything about them. */
export interface PersonalNote {
  subjectId: string;
  text: string;
}

/** The stage an escalation is at, with its name and timescale copied from the protocol version. */
export interface CurrentStage {
  stage: number;
  stageName: string;
  timescaleWorkingDays: number;
}

export type EscalationEvent =
  | DomainEvent<
      'escalation-raised',
      /** What was asked for, with the protocol version it was raised under. */
      RaiseEscalationData & {
        protocolVersion: number;
        /** The stages of that protocol version, so later stages never depend on the protocol's current version. */
        stages: ProtocolStage[];
      } & CurrentStage
    >
  | DomainEvent<
      'escalation-acknowledged',
      { escalationId: string; agency: string; stage: number; note?: string; personalNote?: PersonalNote }
    >
  | DomainEvent<
      'escalation-response-recorded',
      { escalationId: string; respondingAgency: string; stage: number; response: string; personalNote?: PersonalNote }
    >
  /** Corrects a data subject's personal values; sealed under a new key version so the wrong ones can be erased alone. */
  | DomainEvent<
      'escalation-data-subject-rectified',
      { escalationId: string; subjectId: string; stage: number; name?: string; dateOfBirth?: string; reason: string }
    >
  | DomainEvent<
      'escalation-stage-escalated',
      { escalationId: string; fromStage: number; reason: string } & CurrentStage
    >
  | DomainEvent<
      'escalation-resolved',
      { escalationId: string; stage: number; outcome: EscalationOutcome; summary: string }
    >
  | DomainEvent<'escalation-closed', { escalationId: string; stage: number }>;

/** Facts about the protocol the handler read from its stream, for the pure decider. */
export interface ProtocolFacts {
  defined: boolean;
  version: number;
  stages: ProtocolStage[];
}

export type RaiseEscalationData = {
  escalationId: string;
  protocolId: string;
  raisedByPersonId?: string;
  raisedByAgency: string;
  concerningAgency: string;
  subject: string;
  caseReference?: string;
  dataSubjects?: DataSubject[];
};

export type EscalationCommand =
  | DomainCommand<
      'raise-escalation',
      RaiseEscalationData & {
        protocol: ProtocolFacts;
        raisedByAgencyRegistered: boolean;
        concerningAgencyRegistered: boolean;
        /** False only when a raisedByPersonId was given and no such person is registered. */
        raisedByPersonRegistered: boolean;
      }
    >
  | DomainCommand<'acknowledge-escalation', { escalationId: string; note?: string; personalNote?: PersonalNote }>
  | DomainCommand<
      'record-escalation-response',
      { escalationId: string; respondingAgency: string; response: string; personalNote?: PersonalNote }
    >
  | DomainCommand<
      'rectify-data-subject',
      { escalationId: string; subjectId: string; name?: string; dateOfBirth?: string; reason: string }
    >
  | DomainCommand<'escalate-escalation', { escalationId: string; reason: string }>
  | DomainCommand<'resolve-escalation', { escalationId: string; outcome: EscalationOutcome; summary: string }>
  | DomainCommand<'close-escalation', { escalationId: string }>;

export type EscalationStatus = 'open' | 'resolved' | 'closed';

export interface EscalationState {
  exists: boolean;
  status?: EscalationStatus;
  protocolId?: string;
  protocolVersion?: number;
  stages: ProtocolStage[];
  raisedByAgency?: string;
  concerningAgency?: string;
  current?: CurrentStage;
  /** Stages at which the concerning agency has acknowledged: each new stage needs its own acknowledgement. */
  acknowledgedStages: number[];
  outcome?: EscalationOutcome;
  /** Ids of the data subjects it names (never their personal values). */
  dataSubjectIds: string[];
}
