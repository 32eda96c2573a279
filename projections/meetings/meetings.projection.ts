import { NO_REVISION, revisionAfter } from '../record-revision';
import type { AttendanceEntry } from '../../src/meetings';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { withoutUndefined as defined } from '../../src/shared/without-undefined';
import { compact } from '../decision-register/compact';
import { entryOf, stampOf } from '../decision-register/evolve-decision';
import type { SubscribedProjection } from '../subscription';
import { evolveQuorumFacts, NO_QUORUM_FACTS } from './quorum';
import { boardFactsKey, BOARD_FACTS_KEY_PREFIX, meetingKey, MEETING_KEY_PREFIX, type MeetingDoc } from './meeting-doc';
import { actions, boards, decisions, meetings } from './subscriptions';
import { summarise } from './summaries';
import { withLines } from './attendance-lines';

export const newMeeting = (meetingId: string): MeetingDoc => ({
  meetingId,
  revision: NO_REVISION,
  scheduled: false,
  closed: false,
  attendance: [],
  attendanceCorrections: [],
  agenda: [],
  approvesMinutesOf: [],
  minutesApprovedAt: [],
  decisions: [],
  actions: [],
  contributions: [],
  history: [],
});

const withoutPerson = ({ personId: _p, ...rest }: AttendanceEntry) => defined(rest);

/** The meetings an event is about: the meeting it names, and for a minutes approval the meeting approved too. */
function keysOf(stored: StoredEvent): string[] {
  if (boards.takes(stored)) return [boardFactsKey(boards.decode(stored).data.boardId)];
  const made = madeAt(stored);
  if (made) return [meetingKey(made.meetingId)];
  const event = meetings.decode(stored);
  return event.type === 'previous-minutes-approved'
    ? [meetingKey(event.data.meetingId), meetingKey(event.data.previousMeetingId)]
    : [meetingKey(event.data.meetingId)];
}

/** What a meeting event changes on the meeting it names (or, for an approval, on the meeting approved). */
function meetingChanges(doc: MeetingDoc, stored: StoredEvent): Partial<MeetingDoc> {
  const event = meetings.decode(stored);
  const at = stampOf(stored);
  switch (event.type) {
    case 'meeting-scheduled': {
      const { boardId, scheduledFor, title, location } = event.data;
      return { scheduled: true, boardId, scheduledFor, title, location };
    }
    case 'attendance-recorded':
      return { attendance: withLines(doc.attendance, event.data.entries) };
    case 'attendance-corrected': {
      const { personId, entry, previous, reason } = event.data;
      const correction = defined({ personId, entry: withoutPerson(entry), previous: withoutPerson(previous), reason });
      return {
        attendance: withLines(doc.attendance, [entry]),
        attendanceCorrections: [...doc.attendanceCorrections, { ...correction, corrected: at }],
      };
    }
    case 'agenda-item-added': {
      const { itemNumber, label, title, presenterPersonIds } = event.data;
      const item = defined({
        itemNumber,
        label,
        title,
        presenterPersonIds,
        presenterPersonId: presenterPersonIds?.[0],
      });
      return { agenda: [...doc.agenda, item].sort((a, b) => a.itemNumber - b.itemNumber) };
    }
    case 'previous-minutes-approved': {
      const { meetingId, previousMeetingId, outcome, amendments } = event.data;
      if (doc.meetingId === previousMeetingId) {
        const approval = defined({ meetingId, outcome, amendments, approved: at });
        return { minutesApprovedAt: [...doc.minutesApprovedAt, approval] };
      }
      const approval = defined({ meetingId: previousMeetingId, outcome, amendments, approved: at });
      return { approvesMinutesOf: [...doc.approvesMinutesOf, approval] };
    }
    case 'meeting-location-changed':
      return { location: event.data.location };
    case 'meeting-cancelled':
      return { closed: true, cancelledBecause: event.data.reason };
    case 'meeting-closed':
      return { closed: true };
    case 'contribution-recorded': {
      const { meetingId: _m, ...contribution } = event.data;
      return { contributions: [...doc.contributions, { ...contribution, recorded: at }] };
    }
  }
}

/** A decision recorded or an action raised at a meeting (the only such events subscribed), else undefined. */
function madeAt(stored: StoredEvent) {
  if (decisions.takes(stored)) {
    const e = decisions.decode(stored);
    return e.type === 'decision-recorded' ? ({ kind: 'decision', ...e.data } as const) : undefined;
  }
  if (actions.takes(stored)) {
    const e = actions.decode(stored);
    return e.type === 'action-raised' ? ({ kind: 'action', ...e.data } as const) : undefined;
  }
  return undefined;
}

function changes(doc: MeetingDoc, stored: StoredEvent): Partial<MeetingDoc> {
  const made = madeAt(stored);
  if (made?.kind === 'decision') {
    const { decisionId, itemNumber, outcome, text } = made;
    return { decisions: [...doc.decisions, { decisionId, itemNumber, outcome, text, recorded: stampOf(stored) }] };
  }
  if (made?.kind === 'action') {
    const { actionId, itemNumber, text, owners, dueDate } = made;
    const action = defined({ actionId, itemNumber, text, owners, dueDate, raised: stampOf(stored) });
    return { actions: [...doc.actions, action] };
  }
  return meetingChanges(doc, stored);
}

/** A board's document keeps only the facts quorum is judged by, folded by the board decider's own rules. */
function evolveBoardFacts(doc: MeetingDoc, stored: StoredEvent): MeetingDoc {
  return { ...doc, board: evolveQuorumFacts(doc.board ?? NO_QUORUM_FACTS, stored) };
}

function evolve(doc: MeetingDoc, stored: StoredEvent): MeetingDoc {
  if (boards.takes(stored)) return evolveBoardFacts(doc, stored);
  const event = (decisions.takes(stored) ? decisions : actions.takes(stored) ? actions : meetings).decode(stored);
  const history = [...doc.history, entryOf(stored, summarise(event))];
  const revision = revisionAfter(doc, stored, { category: meetings.category, id: doc.meetingId });
  return compact({ ...doc, ...changes(doc, stored), history, revision });
}

/**
 * Meetings as their minutes show them: one document per meeting (board, date, title, location,
 * attendance with apologies, deputies and corrections, agenda with presenters, minutes approved in
 * both directions), with the decisions recorded and actions raised at it, and its history.
 */
export const meetingsProjection: SubscribedProjection<MeetingDoc> = {
  name: 'meetings',
  // 2: several presenters per item, and contributions. 3: boards' members and quorum rules.
  version: 3,
  subscriptions: [meetings, decisions, actions, boards],
  canHandle: (event) => meetings.takes(event) || decisions.takes(event) || actions.takes(event) || boards.takes(event),
  keysOf,
  initialState: (key) =>
    key.startsWith(BOARD_FACTS_KEY_PREFIX) ? newMeeting('') : newMeeting(key.slice(MEETING_KEY_PREFIX.length)),
  evolve,
};
