import type { AttendanceLine } from '../meetings/attendance-line';
import type { BoardQuorumFacts, MeetingQuorum } from '../meetings/quorum';
import type { DecisionCondition, DecisionOutcome, DecisionStatus } from '../../src/decisions';
import type { Actor } from '../../src/ledger/event-envelope';
import type { Pence } from '../../src/shared/money';
import type { ArtefactVersion } from '../../src/signoffs';
import type { RecordRevision } from '../record-revision';

/** Who did something and when: business time, ledger time and the verified actor. */
export interface Stamp {
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
}

/** One line of a record's history: enough for an inspector to see who did what, when, and to find it in the ledger. */
export interface HistoryEntry extends Stamp {
  type: string;
  summary: string;
  /** The stream it came from, to verify the event against its hash chain. */
  streamId: string;
  eventId: string;
  position: number;
}

export interface ConditionEntry extends DecisionCondition {
  satisfied: boolean;
  satisfiedAt?: Stamp;
  note?: string;
}

/** One decision as the register shows it. Meeting and sign-offs are joined by the reader (see below). */
export interface DecisionDoc extends RecordRevision {
  kind: 'decision';
  decisionId: string;
  /** False only while later events arrive without the recording (never, through the decider). */
  recorded: boolean;
  meetingId?: string;
  itemNumber?: number;
  outcome?: DecisionOutcome;
  text: string;
  budgetPence?: Pence;
  responsiblePartnerIds: string[];
  conditions: ConditionEntry[];
  status: DecisionStatus;
  recordedAt?: Stamp;
  /** How it ended, when it is no longer in force. */
  rescinded?: Stamp & { reason: string };
  superseded?: Stamp & { byDecisionId: string; reason: string };
  /** Decisions this one replaced (from their 'decision-superseded' events). */
  supersedes: string[];
  /** Sign-offs requested for this decision, in request order (from 'signoff-requested' with decisionId). */
  signoffIds: string[];
  history: HistoryEntry[];
}

export type SignatureStatus = 'signed' | 'awaiting';

/** A required partner's signature on the CURRENT artefact version. */
export interface PartnerSignature {
  partnerId: string;
  status: SignatureStatus;
  signedAt?: Stamp;
  signedByPersonId?: string;
  conditions?: string[];
}

/** Why signatures stopped counting: a new artefact version, or a partner taking its signature back. */
export type Invalidation =
  | (Stamp & {
      kind: 'artefact-revised';
      previousVersion: string;
      version: string;
      contentHash: string;
      invalidatedPartnerIds: string[];
      reopened: boolean;
    })
  | (Stamp & { kind: 'signature-withdrawn'; partnerId: string; version: string; reason: string; reopened: boolean });

export type SignoffStatus = 'open' | 'completed' | 'withdrawn';

/**
 * One sign-off. Kept under its own key because only 'signoff-requested' names the decision: the
 * later sign-off events carry just the signoffId, so they cannot be routed to a decision document.
 */
export interface SignoffDoc extends RecordRevision {
  kind: 'signoff';
  signoffId: string;
  requested: boolean;
  decisionId?: string;
  meetingId?: string;
  artefact?: ArtefactVersion;
  requiredPartnerIds: string[];
  status: SignoffStatus;
  signatures: PartnerSignature[];
  completed?: Stamp & { version: string; subjectToConditions: boolean };
  withdrawn?: Stamp & { reason: string };
  invalidations: Invalidation[];
  history: HistoryEntry[];
}

/** Meeting facts the register shows beside each decision: date, board, agenda items and attendance (for quorum). */
export interface MeetingDoc {
  kind: 'meeting';
  meetingId: string;
  boardId?: string;
  scheduledFor?: string;
  title?: string;
  items: Record<string, { label?: string; title: string }>;
  /** In person-id order, as corrected. */
  attendance?: AttendanceLine[];
}

/** A meeting as the reader joins it to its board: with its quorum judged then (never stored). */
export type JoinedMeeting = MeetingDoc & { quorum?: MeetingQuorum };

/** A board's members and quorum rules, under its own key: the reader joins them to its meetings. */
export interface BoardFactsDoc {
  kind: 'board';
  boardId: string;
  facts: BoardQuorumFacts;
}

export type DecisionRegisterDoc = DecisionDoc | SignoffDoc | MeetingDoc | BoardFactsDoc;

export const DECISION_KEY_PREFIX = 'decision:';
export const SIGNOFF_KEY_PREFIX = 'signoff:';
export const MEETING_KEY_PREFIX = 'meeting:';
export const decisionKey = (id: string) => `${DECISION_KEY_PREFIX}${id}`;
export const signoffKey = (id: string) => `${SIGNOFF_KEY_PREFIX}${id}`;
export const meetingKey = (id: string) => `${MEETING_KEY_PREFIX}${id}`;
export const BOARD_FACTS_KEY_PREFIX = 'board:';
export const boardFactsKey = (id: string) => `${BOARD_FACTS_KEY_PREFIX}${id}`;
