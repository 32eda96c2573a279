import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';
import type { ServedRecord } from '../../shared/serves';
import type { ActionOwner, OwnerPartner } from './action-owner';

/** open -> actioned -> closed; reopen returns to open; cancelled is final. */
export const ACTION_STATUSES = ['open', 'actioned', 'closed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type ActionEvent =
  | DomainEvent<
      'action-raised',
      {
        actionId: string;
        meetingId: string;
        itemNumber: number;
        text: string;
        owners: ActionOwner[];
        /** Each person owner's partner on the raise's business date (absent on events written before). */
        ownerPartners?: OwnerPartner[];
        dueDate?: string;
        targetMeetingId?: string;
        /** What the action is done for (a case review's recommendation...): absent on actions raised before issue 16. */
        serves?: ServedRecord[];
      }
    >
  | DomainEvent<'action-progress-noted', { actionId: string; note: string }>
  | DomainEvent<
      'action-carried-forward',
      { actionId: string; toMeetingId: string; fromMeetingId?: string; note?: string; timesCarriedForward: number }
    >
  | DomainEvent<
      'action-reassigned',
      {
        actionId: string;
        owners: ActionOwner[];
        previousOwners: ActionOwner[];
        /** Each new person owner's partner on the reassignment's business date (absent on events written before). */
        ownerPartners?: OwnerPartner[];
        reason?: string;
      }
    >
  | DomainEvent<
      'action-due-date-changed',
      { actionId: string; dueDate: string; previousDueDate?: string; reason: string }
    >
  | DomainEvent<'action-completed', { actionId: string; note?: string }>
  | DomainEvent<'action-closed', { actionId: string; closedFrom: 'open' | 'actioned'; reason?: string }>
  | DomainEvent<'action-reopened', { actionId: string; reopenedFrom: 'actioned' | 'closed'; reason: string }>
  | DomainEvent<'action-cancelled', { actionId: string; cancelledFrom: 'open' | 'actioned'; reason: string }>;

/** A meeting as the handler loaded it: the decider is pure, so references are checked against facts. */
export interface MeetingFacts {
  exists: boolean;
  closed?: boolean;
  /** The meeting's agenda item numbers; absent when they are not known to the caller. */
  itemNumbers?: number[];
  /** ISO-8601 instant; used to keep target meetings later than the raising meeting. */
  scheduledFor?: string;
}

export interface RaiseFacts {
  meeting: MeetingFacts;
  targetMeeting?: MeetingFacts;
  /** Person and partner owners with no stream, as `person:<id>` / `partner:<id>`. */
  missingOwners: string[];
  /** The partner each registered person owner represents on the command's business date. */
  ownerPartners: OwnerPartner[];
  /** Cited records the SERVED_RECORDS port could not find. */
  missingServed: ServedRecord[];
}

/** For a reassignment: which owners are not recorded, and each person owner's partner on its business date. */
export interface OwnerFacts {
  missingOwners: string[];
  ownerPartners: OwnerPartner[];
}

/** For a carry forward: the meeting it goes to, and when the raising meeting was. */
export interface CarryForwardFacts {
  toMeeting: MeetingFacts;
  raisingMeetingScheduledFor?: string;
}

export type ActionCommand =
  | DomainCommand<
      'raise-action',
      {
        actionId: string;
        meetingId: string;
        itemNumber: number;
        text: string;
        owners: ActionOwner[];
        dueDate?: string;
        targetMeetingId?: string;
        serves?: ServedRecord[];
        facts: RaiseFacts;
      }
    >
  | DomainCommand<'note-action-progress', { actionId: string; note: string }>
  | DomainCommand<
      'carry-action-forward',
      { actionId: string; toMeetingId: string; note?: string; facts: CarryForwardFacts }
    >
  | DomainCommand<'reassign-action', { actionId: string; owners: ActionOwner[]; reason?: string; facts: OwnerFacts }>
  | DomainCommand<'change-action-due-date', { actionId: string; dueDate: string; reason: string }>
  | DomainCommand<'complete-action', { actionId: string; note?: string }>
  | DomainCommand<'close-action', { actionId: string; reason?: string }>
  | DomainCommand<'reopen-action', { actionId: string; reason: string }>
  | DomainCommand<'cancel-action', { actionId: string; reason: string }>;

export interface ActionState {
  exists: boolean;
  status: ActionStatus;
  meetingId?: string;
  itemNumber?: number;
  text?: string;
  owners: ActionOwner[];
  dueDate?: string;
  /** The meeting the action is due back at: set when raised, moved by each carry forward. */
  targetMeetingId?: string;
  timesCarriedForward: number;
  progressNotes: number;
}
