import type { ActionEvent } from '../../src/actions/domain/action.messages';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { withoutUndefined } from '../compact';
import type { Projection } from '../projection';
import {
  actionKey,
  ACTION_KEY_PREFIX,
  meetingKey,
  MEETING_KEY_PREFIX,
  type ActionHistoryEntry,
  type ActionLogDoc,
  type ActionLogEntry,
  type MeetingBoardDoc,
} from './action-log-doc';
import { summarise } from './summaries';

/** The action event types this version understands; a new type needs a version bump (and a rebuild). */
const ACTION_EVENT_TYPES: ReadonlySet<string> = new Set<ActionEvent['type']>([
  'action-raised',
  'action-progress-noted',
  'action-carried-forward',
  'action-reassigned',
  'action-due-date-changed',
  'action-completed',
  'action-closed',
  'action-reopened',
  'action-cancelled',
]);

export const isActionEvent = (e: StoredEvent): boolean =>
  e.streamId.startsWith('action-') && ACTION_EVENT_TYPES.has(e.type);
const isMeetingScheduled = (e: StoredEvent): boolean =>
  e.streamId.startsWith('meeting-') && e.type === 'meeting-scheduled';

function newAction(actionId: string): ActionLogEntry {
  return {
    kind: 'action',
    actionId,
    raised: false,
    text: '',
    status: 'open',
    owners: [],
    timesCarriedForward: 0,
    historyLength: 0,
  };
}

/** Fields an event sets or clears on top of the recorded history. */
function changes(doc: ActionLogEntry, event: ActionEvent, at: string): Partial<ActionLogEntry> {
  switch (event.type) {
    case 'action-raised': {
      const { text, owners, dueDate, targetMeetingId, meetingId, itemNumber } = event.data;
      return {
        raised: true,
        text,
        owners,
        dueDate,
        targetMeetingId,
        originMeetingId: meetingId,
        originItemNumber: itemNumber,
        raisedAt: at,
      };
    }
    case 'action-progress-noted':
      return {};
    case 'action-carried-forward':
      return { targetMeetingId: event.data.toMeetingId, timesCarriedForward: event.data.timesCarriedForward };
    case 'action-reassigned':
      return { owners: event.data.owners };
    case 'action-due-date-changed':
      return { dueDate: event.data.dueDate };
    case 'action-completed':
      return { status: 'actioned', completedAt: at };
    case 'action-closed':
      return { status: 'closed', closedAt: at };
    // Reopened work is open again: the earlier completion and closure stay in the history only.
    case 'action-reopened':
      return { status: 'open', completedAt: undefined, closedAt: undefined };
    case 'action-cancelled':
      return { status: 'cancelled', cancelledAt: at };
  }
}

/** Only these can set a member to undefined (an optional field of the raise, or a reopening clearing dates). */
const MAY_CLEAR: ReadonlySet<string> = new Set(['action-raised', 'action-reopened']);

function evolveAction(doc: ActionLogEntry, stored: StoredEvent): ActionLogEntry {
  // A stored event is its domain event plus envelope fields: read as one without a copy per event.
  const event = stored as unknown as ActionEvent;
  const { occurredAt, recordedAt, actor } = stored.metadata;
  const next: ActionLogEntry = {
    ...doc,
    ...changes(doc, event, occurredAt),
    lastUpdate: { type: stored.type, occurredAt, recordedAt, actor },
    historyLength: doc.historyLength + 1,
  };
  return MAY_CLEAR.has(stored.type) ? withoutUndefined(next) : next;
}

/** One line of the history for an action event (the same event the document applied). */
export function historyEntry(stored: StoredEvent): ActionHistoryEntry {
  const { occurredAt, recordedAt, actor } = stored.metadata;
  const event = { type: stored.type, data: stored.data } as ActionEvent;
  return {
    type: stored.type,
    occurredAt,
    recordedAt,
    actor,
    summary: summarise(event),
    eventId: stored.id,
    position: stored.position,
  };
}

/** An action's change history from its stream's events, up to and including `upTo` (a log position). */
export function actionHistory(events: readonly StoredEvent[], upTo = Number.POSITIVE_INFINITY): ActionHistoryEntry[] {
  return events.filter((e) => e.position <= upTo && isActionEvent(e)).map(historyEntry);
}

function evolveMeeting(doc: MeetingBoardDoc, stored: StoredEvent): MeetingBoardDoc {
  const { boardId, scheduledFor } = stored.data as { boardId: string; scheduledFor: string };
  return { ...doc, boardId, scheduledFor };
}

/** The current action log: one document per action, plus the meeting -> board link for board filters. */
export const actionLogProjection: Projection<ActionLogDoc> = {
  name: 'action-log',
  // 2: the history moved out of the document (the action's stream), leaving historyLength.
  version: 2,
  canHandle: (event) => isActionEvent(event) || isMeetingScheduled(event),
  keysOf: (event) => {
    if (isMeetingScheduled(event)) return [meetingKey((event.data as { meetingId: string }).meetingId)];
    return [actionKey((event.data as { actionId: string }).actionId)];
  },
  initialState: (key) =>
    key.startsWith(MEETING_KEY_PREFIX)
      ? { kind: 'meeting', meetingId: key.slice(MEETING_KEY_PREFIX.length) }
      : newAction(key.slice(ACTION_KEY_PREFIX.length)),
  evolve: (doc, event) => (doc.kind === 'meeting' ? evolveMeeting(doc, event) : evolveAction(doc, event)),
};
