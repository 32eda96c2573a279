import { aggregateOf } from '../../ledger/aggregate';
import type { Upcaster } from '../../ledger/event-codec';
import type { Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { withoutUndefined as optional } from '../../shared/without-undefined';
import { correctEntry, entriesToAdd, isAttending, type AttendanceEntry } from './attendance';
import { checkPresenters, recordContribution } from './contribution';
import type { MeetingCommand, MeetingEvent, MeetingState } from './meeting.messages';

export * from './attendance';
export * from './meeting.messages';

const initialState: MeetingState = {
  exists: false,
  closed: false,
  cancelled: false,
  items: {},
  attendance: {},
  approvedMinutes: {},
  contributions: [],
};

export const hasAgendaItem = (state: MeetingState, itemNumber: number): boolean =>
  Object.hasOwn(state.items, itemNumber);
export const attendanceOf = (state: MeetingState, personId: string): AttendanceEntry | undefined =>
  state.attendance[personId];
export const wasAttending = (state: MeetingState, personId: string): boolean => isAttending(state.attendance[personId]);
/** Whether anything may still be recorded against the meeting. */
export const isOpen = (state: MeetingState): boolean => state.exists && !state.closed;

function decide(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  const { meetingId } = command.data;
  if (command.type === 'schedule-meeting') return schedule(command.data, state);
  if (!state.exists) throw new NotFound('Meeting', meetingId);
  if (state.cancelled)
    throw new StateConflict('meeting-cancelled', `Meeting ${meetingId} was cancelled: nothing can be recorded`, {
      meetingId,
    });
  // A correction after close is a later meeting's business: closed minutes are never reopened.
  if (state.closed)
    throw new StateConflict('meeting-closed', `Meeting ${meetingId} is closed: nothing more can be recorded`, {
      meetingId,
    });
  switch (command.type) {
    case 'record-attendance': {
      const entries = entriesToAdd(state.attendance, command.data.entries, command.data);
      return entries.length ? [{ type: 'attendance-recorded', data: { meetingId, entries } }] : [];
    }
    case 'correct-attendance': {
      const { entry, previous } = correctEntry(state.attendance, command.data.entry, command.data);
      const { personId } = entry;
      return [
        {
          type: 'attendance-corrected',
          data: { meetingId, personId, entry, previous, ...optional({ reason: command.data.reason }) },
        },
      ];
    }
    case 'add-agenda-item':
      return addAgendaItem(command.data, state);
    case 'record-contribution':
      return recordContribution(command.data, state);
    case 'approve-previous-minutes':
      return approvePreviousMinutes(command.data, state);
    case 'change-meeting-location':
      return changeLocation(command.data, state);
    case 'cancel-meeting':
      assertNotHeld(state, meetingId);
      return [{ type: 'meeting-cancelled', data: { meetingId, reason: command.data.reason } }];
    case 'close-meeting':
      return [{ type: 'meeting-closed', data: { meetingId } }];
  }
}

function schedule(
  data: Extract<MeetingCommand, { type: 'schedule-meeting' }>['data'],
  state: MeetingState,
): MeetingEvent[] {
  const { meetingId, boardId, scheduledFor, title, location, boardExists } = data;
  if (state.exists)
    throw new StateConflict('meeting-exists', `Meeting ${meetingId} is already scheduled`, { meetingId });
  if (!boardExists) throw new RuleViolation('board-not-registered', `Board ${boardId} is not registered`, { boardId });
  const at = Date.parse(scheduledFor);
  if (Number.isNaN(at))
    throw new RuleViolation('invalid-scheduled-for', `scheduledFor ${scheduledFor} is not a date-time`);
  return [
    {
      type: 'meeting-scheduled',
      data: { meetingId, boardId, scheduledFor: new Date(at).toISOString(), ...optional({ title, location }) },
    },
  ];
}

function addAgendaItem(
  data: Extract<MeetingCommand, { type: 'add-agenda-item' }>['data'],
  state: MeetingState,
): MeetingEvent[] {
  const { meetingId, itemNumber, label, title } = data;
  if (!Number.isInteger(itemNumber) || itemNumber < 1)
    throw new RuleViolation('invalid-item-number', `Item number ${itemNumber} must be a positive whole number`, {
      itemNumber,
    });
  if (hasAgendaItem(state, itemNumber))
    throw new StateConflict('agenda-item-exists', `Item ${itemNumber} is already on the agenda`, {
      meetingId,
      itemNumber,
    });
  const presenterPersonIds = checkPresenters(data.presenterPersonIds, data.unregisteredPresenterIds);
  if (label !== undefined && Object.values(state.items).some((i) => i.label === label)) {
    throw new StateConflict('agenda-item-label-exists', `An item labelled ${label} is already on the agenda`, {
      meetingId,
      label,
    });
  }
  return [
    { type: 'agenda-item-added', data: { meetingId, itemNumber, title, ...optional({ label, presenterPersonIds }) } },
  ];
}

function approvePreviousMinutes(
  data: Extract<MeetingCommand, { type: 'approve-previous-minutes' }>['data'],
  state: MeetingState,
): MeetingEvent[] {
  const { meetingId, previousMeetingId, outcome, amendments, previous } = data;
  if (previousMeetingId === meetingId)
    throw new RuleViolation('previous-meeting-is-self', 'A meeting cannot approve its own minutes');
  if (!previous.exists)
    throw new RuleViolation('previous-meeting-not-found', `Meeting ${previousMeetingId} does not exist`, {
      previousMeetingId,
    });
  if (previous.boardId !== state.boardId) {
    throw new RuleViolation(
      'previous-meeting-other-board',
      `Meeting ${previousMeetingId} belongs to board ${previous.boardId}, not ${state.boardId}`,
      { previousMeetingId },
    );
  }
  if (!previous.scheduledFor || Date.parse(previous.scheduledFor) >= Date.parse(state.scheduledFor!)) {
    throw new RuleViolation(
      'previous-meeting-not-earlier',
      `Meeting ${previousMeetingId} is not earlier than this meeting`,
      { previousMeetingId },
    );
  }
  if (state.approvedMinutes[previousMeetingId])
    throw new StateConflict('minutes-already-approved', `Minutes of ${previousMeetingId} are already approved here`, {
      previousMeetingId,
    });
  if (outcome === 'amended' && !amendments?.length)
    throw new RuleViolation('amendments-required', 'Amended minutes must list the amendments');
  if (outcome === 'accurate' && amendments?.length)
    throw new RuleViolation('amendments-not-allowed', 'Minutes approved as accurate have no amendments');
  return [
    {
      type: 'previous-minutes-approved',
      data: { meetingId, previousMeetingId, outcome, ...(outcome === 'amended' ? { amendments } : {}) },
    },
  ];
}

/** Attendance is recorded once the board has met: where and whether it met are then history, not a plan. */
function assertNotHeld(state: MeetingState, meetingId: string): void {
  if (Object.keys(state.attendance).length > 0)
    throw new StateConflict('meeting-already-held', `Meeting ${meetingId} has attendance recorded: it has been held`, {
      meetingId,
    });
}

function changeLocation(
  data: Extract<MeetingCommand, { type: 'change-meeting-location' }>['data'],
  state: MeetingState,
): MeetingEvent[] {
  const { meetingId, location, reason } = data;
  assertNotHeld(state, meetingId);
  if (location === state.location)
    throw new RuleViolation('same-location', `Meeting ${meetingId} is already at ${location}`, { meetingId });
  return [
    {
      type: 'meeting-location-changed',
      data: { meetingId, location, ...optional({ previousLocation: state.location, reason }) },
    },
  ];
}

const evolutions: Evolutions<MeetingEvent, MeetingState> = {
  'meeting-scheduled': (_, event) => {
    const { boardId, scheduledFor, title, location } = event.data;
    return { ...initialState, exists: true, boardId, scheduledFor, ...optional({ title, location }) };
  },
  'attendance-recorded': (state, event) => ({
    ...state,
    attendance: { ...state.attendance, ...Object.fromEntries(event.data.entries.map((e) => [e.personId, e])) },
  }),
  'attendance-corrected': (state, event) => ({
    ...state,
    attendance: { ...state.attendance, [event.data.personId]: event.data.entry },
  }),
  'agenda-item-added': (state, event) => {
    const { itemNumber, label, title, presenterPersonIds } = event.data;
    return {
      ...state,
      items: { ...state.items, [itemNumber]: { title, ...optional({ label, presenterPersonIds }) } },
    };
  },
  'contribution-recorded': (state, event) => {
    const { itemNumber, personId, summary } = event.data;
    return { ...state, contributions: [...state.contributions, { itemNumber, personId, summary }] };
  },
  'previous-minutes-approved': (state, event) => {
    const { previousMeetingId, outcome, amendments } = event.data;
    return {
      ...state,
      approvedMinutes: { ...state.approvedMinutes, [previousMeetingId]: { outcome, ...optional({ amendments }) } },
    };
  },
  'meeting-location-changed': (state, event) => ({ ...state, location: event.data.location }),
  'meeting-cancelled': (state) => ({ ...state, closed: true, cancelled: true }),
  'meeting-closed': (state) => ({ ...state, closed: true }),
};

/** Version 1 named one presenter; version 2 lists them (several presented WSEB's 22 Sept 2022 item 3). */
const presentersAsList: Upcaster = ({ presenterPersonId, ...rest }: { presenterPersonId?: string }) =>
  presenterPersonId === undefined ? rest : { ...rest, presenterPersonIds: [presenterPersonId] };

export const Meeting = aggregateOf(
  { category: 'meeting', name: 'Meeting' },
  { initialState, decide, evolutions },
  { 'agenda-item-added': { version: 2, upcasters: { 1: presentersAsList } } },
);
