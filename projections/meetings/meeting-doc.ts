import type { RecordRevision } from '../record-revision';
import type { ActionOwner } from '../../src/actions';
import type { DecisionOutcome } from '../../src/decisions';
import type { AttendanceStatus, MinutesOutcome } from '../../src/meetings';
import type { HistoryEntry, Stamp } from '../decision-register/decision-register-doc';
import type { BoardQuorumFacts } from './quorum';

export type { HistoryEntry, Stamp };

import type { AttendanceLine } from './attendance-line';

export type { AttendanceLine };

/** A line corrected after it was recorded: what it became, what it was, why, and who and when. */
export interface AttendanceCorrection {
  personId: string;
  entry: Omit<AttendanceLine, 'personId'>;
  previous: Omit<AttendanceLine, 'personId'>;
  reason?: string;
  corrected: Stamp;
}

export interface AgendaItem {
  itemNumber: number;
  /** The number as the minutes write it, e.g. '2.1' or 'Part 1'. */
  label?: string;
  title: string;
  /** Who presented it, in the order the minutes name them. */
  presenterPersonIds?: string[];
  /** The first presenter: the single field agenda items had before several could be named (deprecated). */
  presenterPersonId?: string;
}

/** Who said what on an item, where the minutes attribute it, and their attendance status at the meeting then. */
export interface ContributionAtMeeting {
  contributionNumber: number;
  itemNumber: number;
  personId: string;
  summary: string;
  note?: string;
  attendanceStatus: AttendanceStatus | 'not-recorded';
  recorded: Stamp;
}

/** Minutes approved at one meeting about another: `meetingId` is the other meeting. */
export interface MinutesApproval {
  meetingId: string;
  outcome: MinutesOutcome;
  amendments?: string[];
  approved: Stamp;
}

/** A decision as recorded at the meeting (its later course is in the decision register). */
export interface DecisionAtMeeting {
  decisionId: string;
  itemNumber: number;
  outcome: DecisionOutcome;
  text: string;
  recorded: Stamp;
}

/** An action as raised at the meeting (its later course is in the action log). */
export interface ActionAtMeeting {
  actionId: string;
  itemNumber: number;
  text: string;
  owners: ActionOwner[];
  dueDate?: string;
  raised: Stamp;
}

/**
 * One meeting as the minutes show it, with what it decided and raised. Decisions and actions come
 * from their own aggregates' events that name the meeting, so they may be applied before the
 * meeting's schedule in a replay: `scheduled` says whether the meeting itself is known.
 */
export interface MeetingDoc extends RecordRevision {
  meetingId: string;
  scheduled: boolean;
  boardId?: string;
  /** ISO-8601 instant of the meeting (business time). */
  scheduledFor?: string;
  title?: string;
  location?: string;
  /** Nothing more can be recorded against it: closed after it was held, or cancelled. */
  closed: boolean;
  /** Why it was called off, when it was cancelled before it was held. */
  cancelledBecause?: string;
  /** In person-id order, one line per person. */
  attendance: AttendanceLine[];
  attendanceCorrections: AttendanceCorrection[];
  /** In item-number order. */
  agenda: AgendaItem[];
  /** Earlier meetings whose minutes this meeting approved. */
  approvesMinutesOf: MinutesApproval[];
  /** Later meetings at which this meeting's minutes were approved. */
  minutesApprovedAt: MinutesApproval[];
  decisions: DecisionAtMeeting[];
  actions: ActionAtMeeting[];
  /** In the order recorded. */
  contributions: ContributionAtMeeting[];
  /** Every event applied to this document, in ledger order, with where to verify it. */
  history: HistoryEntry[];
  /**
   * Only on a board's document (key `meeting-board:<boardId>`, never scheduled, outside the meetings'
   * key range): the members and quorum rules its meetings are judged against. Kept in this read model
   * so a live read and an as-of replay judge quorum from the same events.
   */
  board?: BoardQuorumFacts;
}

export const MEETING_KEY_PREFIX = 'meeting:';
export const meetingKey = (meetingId: string) => `${MEETING_KEY_PREFIX}${meetingId}`;
export const BOARD_FACTS_KEY_PREFIX = 'meeting-board:';
export const boardFactsKey = (boardId: string) => `${BOARD_FACTS_KEY_PREFIX}${boardId}`;
