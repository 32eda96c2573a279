import type { DecisionOutcome, DecisionStatus } from '../../src/decisions';
import type { DecisionDoc, JoinedMeeting as MeetingDoc } from './decision-register-doc';

/** What a reader can ask the register for; every filter given must match (AND). */
export interface DecisionRegisterQuery {
  boardId?: string;
  meetingId?: string;
  outcome?: DecisionOutcome;
  status?: DecisionStatus;
  /** True: only decisions with a condition not yet satisfied; false: only those with none outstanding. */
  hasUnsatisfiedConditions?: boolean;
  /** Meeting date range, inclusive, as calendar dates (an instant is judged by its UTC date). */
  from?: string;
  to?: string;
  /** Only decisions made at a meeting judged quorate (true) or inquorate (false); unjudged meetings match neither. */
  quorate?: boolean;
}

const day = (iso: string) => iso.slice(0, 10);

export const unsatisfiedConditionCount = (doc: DecisionDoc): number =>
  doc.conditions.filter((c) => !c.satisfied).length;

/** Whether the meeting's date lies in [from, to]; a meeting never scheduled has no date and matches no range. */
export function inDateRange(scheduledFor: string | undefined, from?: string, to?: string): boolean {
  if (from === undefined && to === undefined) return true;
  if (scheduledFor === undefined) return false;
  const date = day(scheduledFor);
  return (from === undefined || date >= day(from)) && (to === undefined || date <= day(to));
}

/**
 * `meeting` is the decision's meeting document, looked up by the reader: board and date filters
 * are judged on it, so a decision whose meeting is unknown matches neither.
 */
export function matchesQuery(doc: DecisionDoc, meeting: MeetingDoc | undefined, q: DecisionRegisterQuery): boolean {
  if (!doc.recorded) return false;
  if (q.meetingId !== undefined && doc.meetingId !== q.meetingId) return false;
  if (q.outcome !== undefined && doc.outcome !== q.outcome) return false;
  if (q.status !== undefined && doc.status !== q.status) return false;
  if (q.hasUnsatisfiedConditions !== undefined && unsatisfiedConditionCount(doc) > 0 !== q.hasUnsatisfiedConditions)
    return false;
  if (q.boardId !== undefined && meeting?.boardId !== q.boardId) return false;
  if (q.quorate !== undefined && meeting?.quorum?.quorate !== q.quorate) return false;
  return inDateRange(meeting?.scheduledFor, q.from, q.to);
}
