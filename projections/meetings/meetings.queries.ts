import { inDateRange } from '../decision-register/decision-register.queries';
import type { HistoryEntry, MeetingDoc } from './meeting-doc';
import { quorumOf, type BoardQuorumFacts, type MeetingQuorum } from './quorum';

/** What a reader can ask for; every filter given must match (AND). */
export interface MeetingsQuery {
  boardId?: string;
  /** Meeting date range, inclusive, as calendar dates (an instant is judged by its UTC date). */
  from?: string;
  to?: string;
}

/** A meeting as lists and one-record reads show it: the document without its history (at /history). */
export type MeetingView = Omit<MeetingDoc, 'history' | 'scheduled' | 'board'> & {
  /** Whether it was quorate under its board's rule in force that day; absent when the board had no rule then. */
  quorum?: MeetingQuorum;
};

/** Only meetings that were scheduled: a decision or action naming an unknown meeting does not make one. */
export function matchesQuery(doc: MeetingDoc, q: MeetingsQuery): boolean {
  if (!doc.scheduled) return false;
  if (q.boardId !== undefined && doc.boardId !== q.boardId) return false;
  return inDateRange(doc.scheduledFor, q.from, q.to);
}

/** The meeting as read, with its quorum judged against its board's facts (from the same read model). */
export function meetingView(doc: MeetingDoc, board?: BoardQuorumFacts): MeetingView {
  const { history: _history, scheduled: _scheduled, board: _board, ...view } = doc;
  const quorum = doc.scheduledFor === undefined ? undefined : quorumOf(doc.scheduledFor, doc.attendance, board);
  return quorum ? { ...view, quorum } : view;
}

export const meetingHistory = (doc: MeetingDoc): { meetingId: string; entries: HistoryEntry[] } => ({
  meetingId: doc.meetingId,
  entries: doc.history,
});
