import { Action, type ActionEvent } from '../../src/actions';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { Meeting } from '../../src/meetings';
import { Person } from '../../src/partners';
import { withoutUndefined } from '../../src/shared/without-undefined';
import { NO_REVISION, revisionAfter } from '../record-revision';
import { subscribe, type SubscribedProjection } from '../subscription';
import {
  actionKey,
  ACTION_KEY_PREFIX,
  meetingKey,
  MEETING_KEY_PREFIX,
  personKey,
  PERSON_KEY_PREFIX,
  type ActionHistoryEntry,
  type ActionLogDoc,
  type ActionLogEntry,
  type MeetingBoardDoc,
  type PersonPartnersDoc,
} from './action-log-doc';
import { summarise } from './summaries';

/**
 * Every action event is applied (most only to the history); of a meeting, only its board and date
 * (the due date of actions due back at it); of a person, their partner over time (for actions whose
 * events did not record their owners' partners).
 */
const actions = subscribe(Action, {
  'action-raised': 'handled',
  'action-progress-noted': 'handled',
  'action-carried-forward': 'handled',
  'action-reassigned': 'handled',
  'action-due-date-changed': 'handled',
  'action-completed': 'handled',
  'action-closed': 'handled',
  'action-reopened': 'handled',
  'action-cancelled': 'handled',
});
const meetings = subscribe(Meeting, {
  'meeting-scheduled': 'handled',
  'attendance-recorded': 'ignored',
  'attendance-corrected': 'ignored',
  'agenda-item-added': 'ignored',
  'previous-minutes-approved': 'ignored',
  'meeting-closed': 'ignored',
  'meeting-location-changed': 'ignored',
  'meeting-cancelled': 'ignored',
  'contribution-recorded': 'ignored',
});

const people = subscribe(Person, { 'person-registered': 'handled', 'person-updated': 'handled' });

export const isActionEvent = actions.takes;

/** The action an action event is about (every action event names it). */
export const actionIdOf = (stored: StoredEvent): string => actions.decode(stored).data.actionId;

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
    revision: NO_REVISION,
  };
}

/** Fields an event sets or clears on top of the recorded history. */
function changes(doc: ActionLogEntry, event: ActionEvent, at: string): Partial<ActionLogEntry> {
  switch (event.type) {
    case 'action-raised': {
      const { text, owners, ownerPartners, dueDate, targetMeetingId, meetingId, itemNumber } = event.data;
      return {
        raised: true,
        text,
        owners,
        ownerPartners,
        ownedSince: at,
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
      return { owners: event.data.owners, ownerPartners: event.data.ownerPartners, ownedSince: at };
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

/** Only these can set a member to undefined (an optional field of the raise or reassignment, or a reopening clearing dates). */
const MAY_CLEAR: ReadonlySet<string> = new Set(['action-raised', 'action-reassigned', 'action-reopened']);

function evolveAction(doc: ActionLogEntry, stored: StoredEvent): ActionLogEntry {
  const event = actions.decode(stored);
  const { occurredAt, recordedAt, actor } = event.metadata;
  const next: ActionLogEntry = {
    ...doc,
    ...changes(doc, event, occurredAt),
    lastUpdate: { type: event.type, occurredAt, recordedAt, actor },
    historyLength: doc.historyLength + 1,
    revision: revisionAfter(doc, stored, { category: actions.category, id: doc.actionId }),
  };
  return MAY_CLEAR.has(event.type) ? withoutUndefined(next) : next;
}

/** One line of the history for an action event (the same event the document applied). */
export function historyEntry(stored: StoredEvent): ActionHistoryEntry {
  const event = actions.decode(stored);
  const { occurredAt, recordedAt, actor } = event.metadata;
  return {
    type: event.type,
    occurredAt,
    recordedAt,
    actor,
    summary: summarise(event),
    eventId: event.id,
    position: event.position,
  };
}

/** An action's change history from its stream's events, up to and including `upTo` (a log position). */
export function actionHistory(events: readonly StoredEvent[], upTo = Number.POSITIVE_INFINITY): ActionHistoryEntry[] {
  return events.filter((e) => e.position <= upTo && isActionEvent(e)).map(historyEntry);
}

function evolveMeeting(doc: MeetingBoardDoc, stored: StoredEvent): MeetingBoardDoc {
  const event = meetings.decode(stored);
  if (event.type !== 'meeting-scheduled') return doc;
  const { boardId, scheduledFor } = event.data;
  return { ...doc, boardId, scheduledFor };
}

/** A person's partner over time, folded by the person aggregate's own evolve (the same roles roleOn reads). */
function evolvePerson(doc: PersonPartnersDoc, stored: StoredEvent): PersonPartnersDoc {
  const event = people.decode(stored);
  // An update folds onto the registration; one without it (never, through the decider) changes nothing.
  if (event.type === 'person-updated' && doc.roles.length === 0) return doc;
  const state = Person.decider.evolve({ exists: doc.roles.length > 0, roles: doc.roles }, event);
  return { ...doc, roles: state.roles.map(({ partnerId, from }) => ({ partnerId, from })) };
}

function keysOf(event: StoredEvent): string[] {
  if (meetings.takes(event)) return [meetingKey(meetings.decode(event).data.meetingId)];
  if (people.takes(event)) return [personKey(people.decode(event).data.personId)];
  return [actionKey(actionIdOf(event))];
}

function initialState(key: string): ActionLogDoc {
  if (key.startsWith(MEETING_KEY_PREFIX)) return { kind: 'meeting', meetingId: key.slice(MEETING_KEY_PREFIX.length) };
  if (key.startsWith(PERSON_KEY_PREFIX))
    return { kind: 'person', personId: key.slice(PERSON_KEY_PREFIX.length), roles: [] };
  return newAction(key.slice(ACTION_KEY_PREFIX.length));
}

function evolve(doc: ActionLogDoc, event: StoredEvent): ActionLogDoc {
  if (doc.kind === 'meeting') return evolveMeeting(doc, event);
  if (doc.kind === 'person') return evolvePerson(doc, event);
  return evolveAction(doc, event);
}

/** The current action log: one document per action, plus the meetings and people its queries join on. */
export const actionLogProjection: SubscribedProjection<ActionLogDoc> = {
  name: 'action-log',
  // 2: the history moved out of the document (the action's stream), leaving historyLength. 3: revision.
  // 4: people's partners over time, and the owners' partners and date on actions (ownership by agency).
  version: 4,
  subscriptions: [actions, meetings, people],
  canHandle: (event) => actions.takes(event) || meetings.takes(event) || people.takes(event),
  keysOf,
  initialState,
  evolve,
};
