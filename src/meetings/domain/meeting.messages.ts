/** The meeting's commands, events and state: what its decider (meeting.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';
import type { Attendance, AttendanceEntry, AttendanceStatus, RegisteredFacts } from './attendance';

export const MINUTES_OUTCOMES = ['accurate', 'amended'] as const;
export type MinutesOutcome = (typeof MINUTES_OUTCOMES)[number];

export type MeetingEvent =
  | DomainEvent<
      'meeting-scheduled',
      { meetingId: string; boardId: string; scheduledFor: string; title?: string; location?: string }
    >
  | DomainEvent<'attendance-recorded', { meetingId: string; entries: AttendanceEntry[] }>
  | DomainEvent<
      'attendance-corrected',
      { meetingId: string; personId: string; entry: AttendanceEntry; previous: AttendanceEntry; reason?: string }
    >
  | DomainEvent<
      'agenda-item-added',
      /** Version 2: presenters as a list (version 1 had one `presenterPersonId`; the codec upcasts it). */
      { meetingId: string; itemNumber: number; label?: string; title: string; presenterPersonIds?: string[] }
    >
  | DomainEvent<'contribution-recorded', ContributionRecorded>
  | DomainEvent<
      'previous-minutes-approved',
      { meetingId: string; previousMeetingId: string; outcome: MinutesOutcome; amendments?: string[] }
    >
  | DomainEvent<
      'meeting-location-changed',
      { meetingId: string; location: string; previousLocation?: string; reason?: string }
    >
  | DomainEvent<'meeting-cancelled', { meetingId: string; reason: string }>
  | DomainEvent<'meeting-closed', { meetingId: string }>;

/**
 * Who said what on an item, where the minutes attribute it, with the person's attendance status at
 * that meeting when it was recorded: a member on apologies quoted in the minutes shows as such.
 */
export interface ContributionRecorded {
  meetingId: string;
  itemNumber: number;
  /** 1, 2, ... in the order recorded at this meeting: how a later correction or reader names it. */
  contributionNumber: number;
  personId: string;
  /** What they said, as the minutes record it (a paraphrase unless quoted). */
  summary: string;
  /** Why the attribution is as it is, e.g. initials read as a person who sent apologies. */
  note?: string;
  /** The person's line in the attendance list, or 'not-recorded' when the list does not name them. */
  attendanceStatus: AttendanceStatus | 'not-recorded';
}

/** The previous meeting as loaded by the handler. */
export interface PreviousMeetingFacts {
  exists: boolean;
  boardId?: string;
  scheduledFor?: string;
}

export type MeetingCommand =
  | DomainCommand<
      'schedule-meeting',
      {
        meetingId: string;
        boardId: string;
        scheduledFor: string;
        title?: string;
        location?: string;
        boardExists: boolean;
      }
    >
  | DomainCommand<'record-attendance', { meetingId: string; entries: AttendanceEntry[] } & RegisteredFacts>
  | DomainCommand<
      'correct-attendance',
      { meetingId: string; entry: AttendanceEntry; reason?: string } & RegisteredFacts
    >
  | DomainCommand<
      'add-agenda-item',
      {
        meetingId: string;
        itemNumber: number;
        label?: string;
        title: string;
        presenterPersonIds?: string[];
        /** Of the presenters, those with no person stream (loaded by the handler). */
        unregisteredPresenterIds: string[];
      }
    >
  | DomainCommand<
      'record-contribution',
      {
        meetingId: string;
        itemNumber: number;
        personId: string;
        summary: string;
        note?: string;
        personRegistered: boolean;
      }
    >
  | DomainCommand<
      'approve-previous-minutes',
      {
        meetingId: string;
        previousMeetingId: string;
        outcome: MinutesOutcome;
        amendments?: string[];
        previous: PreviousMeetingFacts;
      }
    >
  | DomainCommand<'change-meeting-location', { meetingId: string; location: string; reason?: string }>
  | DomainCommand<'cancel-meeting', { meetingId: string; reason: string }>
  | DomainCommand<'close-meeting', { meetingId: string }>;

/** The shape other contexts read with runner.load(Meeting, id): decisions need an open meeting and an existing item. */
export interface MeetingState {
  exists: boolean;
  boardId?: string;
  /** Normalised ISO-8601 instant. */
  scheduledFor?: string;
  title?: string;
  location?: string;
  /** Nothing more may be recorded against it: closed after it was held, or cancelled. */
  closed: boolean;
  /** Called off before it was held (closed too, so other contexts need not know the difference). */
  cancelled: boolean;
  /** By item number (the order on the agenda); `label` is the number as the minutes write it, e.g. '2.1' or 'Part 1'. */
  items: Record<number, { title: string; label?: string; presenterPersonIds?: string[] }>;
  /** Contributions recorded, in order (contributionNumber - 1). */
  contributions: { itemNumber: number; personId: string; summary: string }[];
  attendance: Attendance;
  /** Minutes of earlier meetings approved at this one, by previous meeting id. */
  approvedMinutes: Record<string, { outcome: MinutesOutcome; amendments?: string[] }>;
}
