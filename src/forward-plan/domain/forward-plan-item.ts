import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import type {
  ForwardPlanCommand,
  ForwardPlanEvent,
  ForwardPlanState,
  MeetingFacts,
  PlanTarget,
} from './forward-plan-item.messages';

export * from './forward-plan-item.messages';

type Data<T extends ForwardPlanCommand['type']> = Extract<ForwardPlanCommand, { type: T }>['data'];

const initialState: ForwardPlanState = { exists: false };

/**
 * A plan looks forward: its meeting or month is not before the day the command is decided (its
 * business date). Answers the month it falls in.
 */
function checkTarget(target: PlanTarget, boardId: string, meeting: MeetingFacts | undefined, today: string): string {
  if ('month' in target) {
    if (target.month < today.slice(0, 7))
      throw new RuleViolation('month-in-past', `${target.month} is before ${today.slice(0, 7)}`, {
        month: target.month,
      });
    return target.month;
  }
  checkMeeting(target.meetingId, boardId, meeting);
  if (meeting!.closed) throw new StateConflict('meeting-closed', `Meeting ${target.meetingId} is closed or cancelled`);
  if (meeting!.scheduledFor!.slice(0, 10) < today.slice(0, 10))
    throw new RuleViolation('meeting-in-past', `Meeting ${target.meetingId} was held before ${today.slice(0, 10)}`, {
      meetingId: target.meetingId,
    });
  return meeting!.scheduledFor!.slice(0, 7);
}

/** The meeting is scheduled, and is one of this item's board's. */
function checkMeeting(meetingId: string, boardId: string, meeting: MeetingFacts | undefined): void {
  if (!meeting?.exists)
    throw new RuleViolation('meeting-not-scheduled', `Meeting ${meetingId} is not scheduled`, { meetingId });
  if (meeting.boardId !== boardId)
    throw new RuleViolation('meeting-of-another-board', `Meeting ${meetingId} is not a meeting of ${boardId}`, {
      meetingId,
      boardId,
    });
}

function plan(data: Data<'plan-item'>, state: ForwardPlanState, today: string): ForwardPlanEvent[] {
  const { boardExists, sourceExists, meeting, ...planned } = data;
  if (state.exists) throw new StateConflict('forward-plan-item-exists', `${data.itemId} is already planned`);
  if (!boardExists)
    throw new RuleViolation('board-not-registered', `Board ${data.boardId} is not registered`, {
      boardId: data.boardId,
    });
  if (planned.from.kind !== 'other' && !planned.from.id)
    throw new RuleViolation('source-id-missing', `Name the ${planned.from.kind} the item comes from`);
  if (sourceExists === false)
    throw new RuleViolation('source-not-found', `No such ${planned.from.kind}: ${planned.from.id}`, {
      from: planned.from,
    });
  const month = checkTarget(planned.target, planned.boardId, meeting, today);
  return [{ type: 'forward-plan-item-planned', data: { ...planned, month } }];
}

/** Still on the plan: a dropped item stays dropped, a taken one is on an agenda already. */
function open(state: ForwardPlanState, itemId: string): void {
  if (state.status === 'dropped') throw new StateConflict('forward-plan-item-dropped', `${itemId} was dropped`);
  if (state.status === 'taken')
    throw new StateConflict('forward-plan-item-taken', `${itemId} is already on a meeting's agenda`);
}

const sameTarget = (a: PlanTarget, b: PlanTarget) =>
  'month' in a ? 'month' in b && a.month === b.month : 'meetingId' in b && a.meetingId === b.meetingId;

function move(data: Data<'move-item'>, state: ForwardPlanState, today: string): ForwardPlanEvent[] {
  const { meeting, ...moved } = data;
  open(state, data.itemId);
  if (sameTarget(moved.target, state.target!))
    throw new RuleViolation('move-to-same-target', `${data.itemId} is already planned there`);
  const month = checkTarget(moved.target, state.boardId!, meeting, today);
  return [{ type: 'forward-plan-item-moved', data: { ...moved, month, previous: state.target! } }];
}

function take(data: Data<'take-item'>, state: ForwardPlanState): ForwardPlanEvent[] {
  const { meeting, ...taken } = data;
  open(state, data.itemId);
  checkMeeting(taken.meetingId, state.boardId!, meeting);
  if (!meeting.itemNumbers?.includes(taken.agendaItem))
    throw new RuleViolation('agenda-item-not-found', `Meeting ${taken.meetingId} has no item ${taken.agendaItem}`, {
      agendaItem: taken.agendaItem,
    });
  return [{ type: 'forward-plan-item-taken', data: { ...taken, month: meeting.scheduledFor!.slice(0, 7) } }];
}

function decide(command: ForwardPlanCommand, state: ForwardPlanState): ForwardPlanEvent[] {
  const today = command.meta.occurredAt;
  if (command.type === 'plan-item') return plan(command.data, state, today);
  if (!state.exists) throw new NotFound('Forward plan item', command.data.itemId);
  switch (command.type) {
    case 'move-item':
      return move(command.data, state, today);
    case 'drop-item':
      open(state, command.data.itemId);
      return [{ type: 'forward-plan-item-dropped', data: command.data }];
    case 'take-item':
      return take(command.data, state);
  }
}

const evolutions: Evolutions<ForwardPlanEvent, ForwardPlanState> = {
  'forward-plan-item-planned': (_, event) => ({
    exists: true,
    boardId: event.data.boardId,
    target: event.data.target,
    status: 'planned',
  }),
  'forward-plan-item-moved': (state, event) => ({ ...state, target: event.data.target, status: 'moved' }),
  'forward-plan-item-dropped': (state) => ({ ...state, status: 'dropped' }),
  'forward-plan-item-taken': (state, event) => ({
    ...state,
    target: { meetingId: event.data.meetingId },
    status: 'taken',
  }),
};

/** An item on a board's forward plan, one stream per item: planned, moved, dropped or taken onto an agenda. */
export const ForwardPlanItem = aggregateOf(
  { category: 'forwardplan', name: 'Forward plan item' },
  { initialState, decide, evolutions },
);
