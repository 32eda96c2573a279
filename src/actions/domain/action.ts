import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { checkServes } from '../../shared/serves';
import { withoutUndefined } from '../../shared/without-undefined';
import { ownerKey, sameOwners, type ActionOwner, type OwnerPartner } from './action-owner';
import type { ActionCommand, ActionEvent, ActionState, ActionStatus } from './action.messages';

export * from './action.messages';
export * from './action-owner';

const initialState: ActionState = {
  exists: false,
  status: 'open',
  owners: [],
  timesCarriedForward: 0,
  progressNotes: 0,
};

/** The code a command gets when the action is in a status that does not allow it. */
const REFUSED_IN: Record<ActionStatus, string> = {
  open: 'action-already-open',
  actioned: 'action-already-actioned',
  closed: 'action-closed',
  cancelled: 'action-cancelled',
};

function requireStatus(state: ActionState, actionId: string, ...allowed: ActionStatus[]): void {
  if (!allowed.includes(state.status)) {
    throw new RuleViolation(REFUSED_IN[state.status], `Action ${actionId} is ${state.status}`, {
      actionStatus: state.status,
    });
  }
}

function checkOwners(owners: ActionOwner[], missingOwners: string[]): void {
  if (owners.length === 0) throw new RuleViolation('owner-required', 'An action needs at least one owner');
  const keys = owners.map(ownerKey);
  const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (duplicates.length > 0)
    throw new RuleViolation('duplicate-owner', `Owners are named twice: ${duplicates.join(', ')}`, { duplicates });
  if (missingOwners.length > 0)
    throw new RuleViolation('owner-not-found', `Owners are not recorded: ${missingOwners.join(', ')}`, {
      missing: missingOwners,
    });
}

/**
 * What the event records of the person owners' partners: one entry per person owner the handler
 * resolved, in the owners' order; nothing when no owner is a person (ownership by agency reads it).
 */
function partnersOfPeople(owners: ActionOwner[], known: OwnerPartner[]): OwnerPartner[] | undefined {
  const recorded = owners.flatMap((o) => {
    const found = o.kind === 'person' ? known.find((p) => p.personId === o.personId) : undefined;
    return found ? [{ personId: found.personId, partnerId: found.partnerId }] : [];
  });
  return recorded.length > 0 ? recorded : undefined;
}

/** Later in time; a date nobody gave (a meeting's facts not loaded) is not held against the command. */
function isLater(candidate: string | undefined, than: string | undefined): boolean {
  return !candidate || !than || Date.parse(candidate) > Date.parse(than);
}

function raise(command: Extract<ActionCommand, { type: 'raise-action' }>, state: ActionState): ActionEvent[] {
  const { facts, ...data } = command.data;
  if (state.exists) throw new StateConflict('action-exists', `Action ${data.actionId} is already raised`);
  const { meeting, targetMeeting } = facts;
  if (!meeting.exists)
    throw new RuleViolation('meeting-not-found', `Meeting ${data.meetingId} is not recorded`, {
      meetingId: data.meetingId,
    });
  // The meeting's own rule: once closed, nothing more is recorded against it.
  if (meeting.closed)
    throw new StateConflict(
      'meeting-closed',
      `Meeting ${data.meetingId} is closed: raise the action at a later meeting`,
      { meetingId: data.meetingId },
    );
  if (meeting.itemNumbers && !meeting.itemNumbers.includes(data.itemNumber)) {
    throw new RuleViolation('agenda-item-not-found', `Meeting ${data.meetingId} has no item ${data.itemNumber}`, {
      itemNumber: data.itemNumber,
    });
  }
  checkOwners(data.owners, facts.missingOwners);
  checkServes(data.serves, facts.missingServed);
  // A documented choice: every action says when it is due back, by a date, a meeting or both.
  if (!data.dueDate && !data.targetMeetingId) {
    throw new RuleViolation('due-date-or-target-meeting-required', 'Give a due date, a target meeting or both');
  }
  if (data.targetMeetingId) {
    if (!targetMeeting?.exists)
      throw new RuleViolation('target-meeting-not-found', `Meeting ${data.targetMeetingId} is not recorded`, {
        meetingId: data.targetMeetingId,
      });
    if (!isLater(targetMeeting.scheduledFor, meeting.scheduledFor) || data.targetMeetingId === data.meetingId) {
      throw new RuleViolation(
        'target-meeting-not-later',
        `Meeting ${data.targetMeetingId} is not later than ${data.meetingId}`,
        { meetingId: data.targetMeetingId },
      );
    }
  }
  const ownerPartners = partnersOfPeople(data.owners, facts.ownerPartners);
  return [{ type: 'action-raised', data: withoutUndefined({ ...data, ownerPartners }) }];
}

function carryForward(
  command: Extract<ActionCommand, { type: 'carry-action-forward' }>,
  state: ActionState,
): ActionEvent[] {
  const { actionId, toMeetingId, note, facts } = command.data;
  requireStatus(state, actionId, 'open');
  if (!facts.toMeeting.exists)
    throw new RuleViolation('meeting-not-found', `Meeting ${toMeetingId} is not recorded`, { meetingId: toMeetingId });
  if (toMeetingId === state.meetingId || !isLater(facts.toMeeting.scheduledFor, facts.raisingMeetingScheduledFor)) {
    throw new RuleViolation(
      'carry-forward-not-later',
      `Meeting ${toMeetingId} is not later than the meeting that raised the action`,
      { meetingId: toMeetingId },
    );
  }
  if (toMeetingId === state.targetMeetingId)
    throw new RuleViolation('already-due-at-meeting', `Action ${actionId} is already due at ${toMeetingId}`);
  const timesCarriedForward = state.timesCarriedForward + 1;
  return [
    {
      type: 'action-carried-forward',
      data: withoutUndefined({
        actionId,
        toMeetingId,
        fromMeetingId: state.targetMeetingId,
        note,
        timesCarriedForward,
      }),
    },
  ];
}

function decide(command: ActionCommand, state: ActionState): ActionEvent[] {
  if (command.type === 'raise-action') return raise(command, state);
  const { actionId } = command.data;
  if (!state.exists) throw new NotFound('Action', actionId);
  switch (command.type) {
    case 'note-action-progress':
      requireStatus(state, actionId, 'open');
      return [{ type: 'action-progress-noted', data: command.data }];
    case 'carry-action-forward':
      return carryForward(command, state);
    case 'reassign-action': {
      const { owners, reason, facts } = command.data;
      requireStatus(state, actionId, 'open');
      checkOwners(owners, facts.missingOwners);
      if (sameOwners(owners, state.owners))
        throw new RuleViolation('same-owners', `Action ${actionId} already has those owners`);
      return [
        {
          type: 'action-reassigned',
          data: withoutUndefined({
            actionId,
            owners,
            previousOwners: state.owners,
            ownerPartners: partnersOfPeople(owners, facts.ownerPartners),
            reason,
          }),
        },
      ];
    }
    case 'change-action-due-date': {
      const { dueDate, reason } = command.data;
      requireStatus(state, actionId, 'open');
      if (dueDate === state.dueDate)
        throw new RuleViolation('same-due-date', `Action ${actionId} is already due on ${dueDate}`);
      return [
        {
          type: 'action-due-date-changed',
          data: withoutUndefined({ actionId, dueDate, previousDueDate: state.dueDate, reason }),
        },
      ];
    }
    case 'complete-action':
      requireStatus(state, actionId, 'open');
      return [{ type: 'action-completed', data: withoutUndefined(command.data) }];
    case 'close-action': {
      requireStatus(state, actionId, 'open', 'actioned');
      // Closing an action nobody reported as actioned needs the board's reason on the record.
      if (state.status === 'open' && !command.data.reason) {
        throw new RuleViolation('action-not-actioned', `Action ${actionId} is not actioned: give a reason to close it`);
      }
      return [
        {
          type: 'action-closed',
          data: withoutUndefined({ ...command.data, closedFrom: state.status as 'open' | 'actioned' }),
        },
      ];
    }
    case 'reopen-action':
      requireStatus(state, actionId, 'actioned', 'closed');
      return [
        { type: 'action-reopened', data: { ...command.data, reopenedFrom: state.status as 'actioned' | 'closed' } },
      ];
    case 'cancel-action':
      requireStatus(state, actionId, 'open', 'actioned');
      return [
        { type: 'action-cancelled', data: { ...command.data, cancelledFrom: state.status as 'open' | 'actioned' } },
      ];
  }
}

const evolutions: Evolutions<ActionEvent, ActionState> = {
  'action-raised': (_, event) => {
    const { meetingId, itemNumber, text, owners, dueDate, targetMeetingId } = event.data;
    return { ...initialState, exists: true, meetingId, itemNumber, text, owners, dueDate, targetMeetingId };
  },
  'action-progress-noted': (state) => ({ ...state, progressNotes: state.progressNotes + 1 }),
  'action-carried-forward': (state, event) => ({
    ...state,
    targetMeetingId: event.data.toMeetingId,
    timesCarriedForward: event.data.timesCarriedForward,
  }),
  'action-reassigned': (state, event) => ({ ...state, owners: event.data.owners }),
  'action-due-date-changed': (state, event) => ({ ...state, dueDate: event.data.dueDate }),
  'action-completed': (state) => ({ ...state, status: 'actioned' }),
  'action-closed': (state) => ({ ...state, status: 'closed' }),
  'action-reopened': (state) => ({ ...state, status: 'open' }),
  'action-cancelled': (state) => ({ ...state, status: 'cancelled' }),
};

export const Action = aggregateOf({ category: 'action', name: 'Action' }, { initialState, decide, evolutions });
