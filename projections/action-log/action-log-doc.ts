import type { ActionOwner, ActionStatus, OwnerPartner } from '../../src/actions';
import type { Actor } from '../../src/ledger/event-envelope';
import type { RecordRevision } from '../record-revision';

/**
 * One line of an action's change history: enough for an inspector to see who did what, when.
 * Not stored in the document: it is the action's own stream, read from the ledger when one action
 * is asked for (see actionHistory), so a rebuild never rewrites a growing history with each change.
 */
export interface ActionHistoryEntry {
  type: string;
  /** Business time (e.g. the meeting date). */
  occurredAt: string;
  /** When the ledger stored it. */
  recordedAt: string;
  actor: Actor;
  summary: string;
  /** Where to find the event in the ledger, to verify it against the hash chain. */
  eventId: string;
  position: number;
}

/** The current state of one action, as the action log shows it; `revision` is the action stream's. */
export interface ActionLogEntry extends RecordRevision {
  kind: 'action';
  actionId: string;
  /** False only if an action's later events arrive without its raise (never, through the decider). */
  raised: boolean;
  text: string;
  status: ActionStatus;
  owners: ActionOwner[];
  /**
   * The partner each person owner represented when the owners were set (raised or last reassigned),
   * as the event recorded it; absent on events written before it was recorded (see PersonPartnersDoc).
   */
  ownerPartners?: OwnerPartner[];
  /** Business time the owners were set (raised or last reassigned): the date a person's partner is judged on. */
  ownedSince?: string;
  dueDate?: string;
  /** The meeting the action is due back at; moved by each carry forward. */
  targetMeetingId?: string;
  /** Where it was raised: the action belongs to this meeting's board. */
  originMeetingId?: string;
  originItemNumber?: number;
  timesCarriedForward: number;
  raisedAt?: string;
  completedAt?: string;
  closedAt?: string;
  cancelledAt?: string;
  lastUpdate?: { type: string; occurredAt: string; recordedAt: string; actor: Actor };
  /** How many changes the history holds (the history itself is the action's stream: actionHistory). */
  historyLength: number;
}

/**
 * The meeting -> board link. Action events do not carry the board, so the projection keeps one
 * small document per meeting (from 'meeting-scheduled') and queries join on originMeetingId.
 * Joining at query time (not copying boardId into actions) stays correct whatever order the
 * two streams' events are applied in.
 */
export interface MeetingBoardDoc {
  kind: 'meeting';
  meetingId: string;
  boardId?: string;
  scheduledFor?: string;
}

/**
 * A person's partner over time, for actions whose events did not record their owners' partners
 * (written before they did): the queries resolve the partner in force when the owners were set.
 */
export interface PersonPartnersDoc {
  kind: 'person';
  personId: string;
  /** Oldest first, as the person aggregate holds them (from null: since registration). */
  roles: { partnerId: string; from: string | null }[];
}

export type ActionLogDoc = ActionLogEntry | MeetingBoardDoc | PersonPartnersDoc;

export const ACTION_KEY_PREFIX = 'action:';
export const MEETING_KEY_PREFIX = 'meeting:';
export const PERSON_KEY_PREFIX = 'person:';
export const actionKey = (actionId: string) => `${ACTION_KEY_PREFIX}${actionId}`;
export const meetingKey = (meetingId: string) => `${MEETING_KEY_PREFIX}${meetingId}`;
export const personKey = (personId: string) => `${PERSON_KEY_PREFIX}${personId}`;
