import { deciderSpec } from '../../shared/testing/decider-spec';
import { ForwardPlanItem, type ForwardPlanEvent, type MeetingFacts } from './forward-plan-item';

// Decided on the day of the WSEB's September 2022 meeting, whose minutes say "Add to the forward plan for April 2023".
const spec = deciderSpec(ForwardPlanItem, { occurredAt: '2022-09-22T15:00:00.000Z' });
const itemId = 'wseb-fp-2023-04-police-inspection';
const boardId = 'wseb';
const april: MeetingFacts = {
  exists: true,
  boardId,
  scheduledFor: '2023-04-20T09:30:00.000Z',
  closed: false,
  itemNumbers: [1, 2, 5],
};

const planData = {
  itemId,
  boardId,
  target: { month: '2023-04' },
  title: 'Police inspection: progress on the action plan',
  from: { kind: 'action' as const, id: 'wseb-2022-09-a3' },
};
const planned: ForwardPlanEvent = { type: 'forward-plan-item-planned', data: { ...planData, month: '2023-04' } };
const moved: ForwardPlanEvent = {
  type: 'forward-plan-item-moved',
  data: {
    itemId,
    target: { meetingId: 'wseb-2023-04-20' },
    month: '2023-04',
    previous: { month: '2023-04' },
    reason: 'Date set',
  },
};
const dropped: ForwardPlanEvent = { type: 'forward-plan-item-dropped', data: { itemId, reason: 'Superseded' } };
const taken: ForwardPlanEvent = {
  type: 'forward-plan-item-taken',
  data: { itemId, meetingId: 'wseb-2023-04-20', month: '2023-04', agendaItem: 5 },
};

const planCmd = (extra: object = {}) => ({
  type: 'plan-item' as const,
  data: { ...planData, boardExists: true, sourceExists: true, ...extra } as typeof planData & {
    boardExists: boolean;
    sourceExists?: boolean;
    meeting?: MeetingFacts;
  },
});
const moveCmd = (meeting: MeetingFacts | undefined = april, target: object = { meetingId: 'wseb-2023-04-20' }) => ({
  type: 'move-item' as const,
  data: { itemId, target: target as { meetingId: string }, reason: 'Date set', meeting },
});
const takeCmd = (meeting: MeetingFacts = april, agendaItem = 5) => ({
  type: 'take-item' as const,
  data: { itemId, meetingId: 'wseb-2023-04-20', agendaItem, meeting },
});

describe('ForwardPlanItem', () => {
  describe('planning', () => {
    it('plans an item for a month, from an action', () => {
      spec.given([]).when(planCmd()).then(planned);
    });
    it('plans an item for a scheduled meeting of its board', () => {
      const target = { meetingId: 'wseb-2023-04-20' };
      spec
        .given([])
        .when(planCmd({ target, meeting: april }))
        .then({ ...planned, data: { ...planned.data, target } });
    });
    it('plans an item from something other than a record, naming nothing', () => {
      const from = { kind: 'other' as const };
      spec
        .given([])
        .when(planCmd({ from, sourceExists: undefined }))
        .then({ ...planned, data: { ...planned.data, from } });
    });
    it('refuses an item planned twice', () => {
      spec.given([planned]).when(planCmd()).thenRefuses('forward-plan-item-exists', 409);
    });
    it('refuses a board that is not registered', () => {
      spec
        .given([])
        .when(planCmd({ boardExists: false }))
        .thenRefuses('board-not-registered', 422);
    });
    it('refuses a source record named by kind alone', () => {
      spec
        .given([])
        .when(planCmd({ from: { kind: 'decision' } }))
        .thenRefuses('source-id-missing', 422);
    });
    it('refuses a source record that does not exist', () => {
      spec
        .given([])
        .when(planCmd({ sourceExists: false }))
        .thenRefuses('source-not-found', 422);
    });
    it('refuses a month before the month of the command', () => {
      spec
        .given([])
        .when(planCmd({ target: { month: '2022-08' } }))
        .thenRefuses('month-in-past', 422);
    });
    it('refuses a meeting that is not scheduled', () => {
      spec
        .given([])
        .when(planCmd({ target: { meetingId: 'nope' }, meeting: { exists: false } }))
        .thenRefuses('meeting-not-scheduled', 422);
    });
    it('refuses a meeting held before the day of the command', () => {
      const july = { ...april, scheduledFor: '2022-07-14T09:30:00.000Z' };
      spec
        .given([])
        .when(planCmd({ target: { meetingId: 'wseb-2022-07-14' }, meeting: july }))
        .thenRefuses('meeting-in-past', 422);
    });
    it('refuses a meeting that is closed or cancelled', () => {
      spec
        .given([])
        .when(planCmd({ target: { meetingId: 'wseb-2023-04-20' }, meeting: { ...april, closed: true } }))
        .thenRefuses('meeting-closed', 409);
    });
  });

  describe('moving, dropping, taking', () => {
    it('moves a planned item to a meeting, keeping where it was', () => {
      spec.given([planned]).when(moveCmd()).then(moved);
    });
    it('refuses an item that was never planned', () => {
      spec.given([]).when(moveCmd()).thenRefuses('forward-plan-item-not-found', 404);
    });
    it('refuses a move to where it is already planned', () => {
      spec
        .given([planned])
        .when(moveCmd(undefined, { month: '2023-04' }))
        .thenRefuses('move-to-same-target', 422);
    });
    it('refuses moving a dropped item', () => {
      spec.given([planned, dropped]).when(moveCmd()).thenRefuses('forward-plan-item-dropped', 409);
    });
    it('refuses moving an item already taken onto an agenda', () => {
      spec.given([planned, taken]).when(moveCmd()).thenRefuses('forward-plan-item-taken', 409);
    });
    it('drops a planned item, with its reason', () => {
      spec
        .given([planned, moved])
        .when({ type: 'drop-item', data: { itemId, reason: 'Superseded' } })
        .then(dropped);
    });
    it("takes an item onto an agenda item of its board's meeting", () => {
      spec.given([planned, moved]).when(takeCmd()).then(taken);
    });
    it('refuses taking an item onto a meeting of another board', () => {
      spec
        .given([planned])
        .when(takeCmd({ ...april, boardId: 'wscp' }))
        .thenRefuses('meeting-of-another-board', 422);
    });
    it('refuses an agenda item the meeting does not hold', () => {
      spec.given([planned]).when(takeCmd(april, 9)).thenRefuses('agenda-item-not-found', 422);
    });
  });
});
