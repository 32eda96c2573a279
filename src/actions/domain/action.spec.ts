import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { Action, type ActionCommand, type ActionEvent, type ActionStatus, type RaiseFacts } from './action';

const meta: CommandMeta = {
  actor: { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-05-10T12:00:00.000Z',
};
const given = (...events: ActionEvent[]) => fold(Action.decider, events);
const when = (state: ReturnType<typeof given>, c: Omit<ActionCommand, 'meta'>) =>
  Action.decider.decide({ ...c, meta } as ActionCommand, state);
const refused = (code: string, status = 422) => expect.objectContaining({ code, status });

const id = 'wseb-2022-05-10-a1';
const may = { exists: true, closed: false, itemNumbers: [1, 2, 3], scheduledFor: '2022-05-10T10:00:00.000Z' };
const june = { exists: true, scheduledFor: '2022-06-07T10:00:00.000Z' };
const facts: RaiseFacts = { meeting: may, targetMeeting: june, missingOwners: [] };
/** Carry-forward facts: the meeting it goes to, after the raising meeting of 10 May. */
const to = (scheduledFor = '2022-07-12T10:00:00.000Z', exists = true) => ({
  toMeeting: { exists, scheduledFor },
  raisingMeetingScheduledFor: may.scheduledFor,
});
type RaiseData = Extract<ActionCommand, { type: 'raise-action' }>['data'];
const raiseData: RaiseData = {
  actionId: id,
  meetingId: 'wseb-2022-05-10',
  itemNumber: 3,
  text: 'Add escalation to the June agenda for an update.',
  owners: [{ kind: 'team', name: 'WS Business Team' }],
  targetMeetingId: 'wseb-2022-06-07',
  facts,
};
const raiseWith = (data: Partial<RaiseData>, state = given()) =>
  when(state, { type: 'raise-action', data: { ...raiseData, ...data } });
const raised: ActionEvent = {
  type: 'action-raised',
  data: {
    actionId: id,
    meetingId: 'wseb-2022-05-10',
    itemNumber: 3,
    text: 'x',
    owners: [{ kind: 'person', personId: 'amrita-sharma' }],
    dueDate: '2022-06-01',
  },
};
const completed: ActionEvent = { type: 'action-completed', data: { actionId: id } };
const closed: ActionEvent = { type: 'action-closed', data: { actionId: id, closedFrom: 'actioned' } };
const cancelled: ActionEvent = {
  type: 'action-cancelled',
  data: { actionId: id, cancelledFrom: 'open', reason: 'Superseded' },
};
const history: Record<ActionStatus, ActionEvent[]> = {
  open: [raised],
  actioned: [raised, completed],
  closed: [raised, completed, closed],
  cancelled: [raised, cancelled],
};

describe('Action decider: raising', () => {
  it('given a meeting with the item, when an action is raised for a team due at a later meeting, then it is recorded without the facts', () => {
    const { facts: _facts, ...data } = raiseData;
    expect(raiseWith({})).toEqual([{ type: 'action-raised', data }]);
  });

  it('records person and partner owners and a due date alone, and leaves absent fields out', () => {
    const owners = [
      { kind: 'person' as const, personId: 'pete-hill' },
      { kind: 'partner' as const, partnerId: 'warwickshire-police' },
    ];
    const [e] = raiseWith({ owners, dueDate: '2022-06-30', targetMeetingId: undefined });
    expect(e.data).toEqual({
      actionId: id,
      meetingId: 'wseb-2022-05-10',
      itemNumber: 3,
      text: raiseData.text,
      owners,
      dueDate: '2022-06-30',
    });
  });

  it('does not check item numbers when the meeting items are not known', () => {
    expect(raiseWith({ itemNumber: 42, facts: { ...facts, meeting: { exists: true } } })).toHaveLength(1);
  });

  it.each([
    ['the action already exists', {}, 'action-exists', 409, [raised]],
    ['the meeting is not recorded', { facts: { ...facts, meeting: { exists: false } } }, 'meeting-not-found', 422, []],
    ['the meeting is closed', { facts: { ...facts, meeting: { ...may, closed: true } } }, 'meeting-closed', 409, []],
    ['the meeting has no such item', { itemNumber: 9 }, 'agenda-item-not-found', 422, []],
    ['there is no owner', { owners: [] }, 'owner-required', 422, []],
    [
      'an owner is named twice',
      {
        owners: [
          { kind: 'team' as const, name: 'All' },
          { kind: 'team' as const, name: ' all ' },
        ],
      },
      'duplicate-owner',
      422,
      [],
    ],
    ['an owner is not recorded', { facts: { ...facts, missingOwners: ['person:nobody'] } }, 'owner-not-found', 422, []],
    [
      'neither due date nor target meeting is given',
      { targetMeetingId: undefined },
      'due-date-or-target-meeting-required',
      422,
      [],
    ],
    [
      'the target is the raising meeting',
      { targetMeetingId: 'wseb-2022-05-10', facts: { ...facts, targetMeeting: may } },
      'target-meeting-not-later',
      422,
      [],
    ],
    [
      'the target meeting is earlier',
      { facts: { ...facts, targetMeeting: { exists: true, scheduledFor: '2022-03-01T10:00:00.000Z' } } },
      'target-meeting-not-later',
      422,
      [],
    ],
    [
      'the target meeting is not recorded',
      { facts: { ...facts, targetMeeting: { exists: false } } },
      'target-meeting-not-found',
      422,
      [],
    ],
  ] as const)('refuses to raise when %s', (_, data, code, status, events) => {
    expect(() => raiseWith(data as Partial<RaiseData>, given(...(events as readonly ActionEvent[])))).toThrow(
      refused(code, status),
    );
  });
});

describe('Action decider: the status machine', () => {
  // Each command, the statuses it is allowed in, and the event it records.
  const commands: [Omit<ActionCommand, 'meta'>, ActionStatus[], string][] = [
    [
      { type: 'note-action-progress', data: { actionId: id, note: 'Draft letter prepared' } },
      ['open'],
      'action-progress-noted',
    ],
    [
      { type: 'carry-action-forward', data: { actionId: id, toMeetingId: 'wseb-2022-07', facts: to() } },
      ['open'],
      'action-carried-forward',
    ],
    [
      {
        type: 'reassign-action',
        data: { actionId: id, owners: [{ kind: 'person', personId: 'pete-hill' }], missingOwners: [] },
      },
      ['open'],
      'action-reassigned',
    ],
    [
      {
        type: 'change-action-due-date',
        data: { actionId: id, dueDate: '2022-07-31', reason: 'Waiting for the audit' },
      },
      ['open'],
      'action-due-date-changed',
    ],
    [{ type: 'complete-action', data: { actionId: id } }, ['open'], 'action-completed'],
    [
      { type: 'close-action', data: { actionId: id, reason: 'Overtaken by the new protocol' } },
      ['open', 'actioned'],
      'action-closed',
    ],
    [
      { type: 'reopen-action', data: { actionId: id, reason: 'The letter was not sent' } },
      ['actioned', 'closed'],
      'action-reopened',
    ],
    [
      { type: 'cancel-action', data: { actionId: id, reason: 'No longer needed' } },
      ['open', 'actioned'],
      'action-cancelled',
    ],
  ];
  const codes: Record<ActionStatus, string> = {
    open: 'action-already-open',
    actioned: 'action-already-actioned',
    closed: 'action-closed',
    cancelled: 'action-cancelled',
  };
  const cases = commands.flatMap(([command, allowed, event]) =>
    (['open', 'actioned', 'closed', 'cancelled'] as const).map(
      (status) => [command.type, status, allowed.includes(status), command, event] as const,
    ),
  );

  it.each(cases)('%s when %s: allowed=%s', (_, status, allowed, command, event) => {
    const state = given(...history[status]);
    if (allowed) expect(when(state, command).map((e) => e.type)).toEqual([event]);
    else expect(() => when(state, command)).toThrow(refused(codes[status]));
  });

  it.each(commands.map(([c]) => [c.type, c] as const))(
    '%s on an action never raised is 404 action-not-found',
    (_, command) => {
      expect(() => when(given(), command)).toThrow(refused('action-not-found', 404));
    },
  );

  it('moves open -> actioned -> closed -> open (reopen) and cancelled is final', () => {
    let state = given(raised);
    const step = (c: Omit<ActionCommand, 'meta'>) => {
      state = fold({ ...Action.decider, initialState: state }, when(state, c));
      return state.status;
    };
    expect(step({ type: 'complete-action', data: { actionId: id, note: 'Letter sent 20 May' } })).toBe('actioned');
    expect(step({ type: 'close-action', data: { actionId: id } })).toBe('closed');
    expect(step({ type: 'reopen-action', data: { actionId: id, reason: 'Reply asks for more' } })).toBe('open');
    expect(step({ type: 'cancel-action', data: { actionId: id, reason: 'Superseded' } })).toBe('cancelled');
    expect(() => step({ type: 'reopen-action', data: { actionId: id, reason: 'Try again' } })).toThrow(
      refused('action-cancelled'),
    );
  });
});

describe('Action decider: the rules of each change', () => {
  const open = given(raised);

  it('closes an actioned action without a reason, and an open one only with a reason (recording which it was)', () => {
    expect(when(given(raised, completed), { type: 'close-action', data: { actionId: id } })).toEqual([
      { type: 'action-closed', data: { actionId: id, closedFrom: 'actioned' } },
    ]);
    expect(
      when(open, { type: 'close-action', data: { actionId: id, reason: 'Board agreed no further action' } }),
    ).toEqual([
      { type: 'action-closed', data: { actionId: id, closedFrom: 'open', reason: 'Board agreed no further action' } },
    ]);
    expect(() => when(open, { type: 'close-action', data: { actionId: id } })).toThrow(refused('action-not-actioned'));
  });

  it('counts each carry forward and records the meeting it moved from', () => {
    const carry = (toMeetingId: string, state = open) =>
      when(state, {
        type: 'carry-action-forward',
        data: { actionId: id, toMeetingId, facts: to(), note: 'Not reached' },
      });
    const first = carry('wseb-2022-06-07');
    expect(first).toEqual([
      {
        type: 'action-carried-forward',
        data: { actionId: id, toMeetingId: 'wseb-2022-06-07', note: 'Not reached', timesCarriedForward: 1 },
      },
    ]);
    const [second] = carry('wseb-2022-07', given(raised, ...first));
    expect(second.data).toMatchObject({
      fromMeetingId: 'wseb-2022-06-07',
      toMeetingId: 'wseb-2022-07',
      timesCarriedForward: 2,
    });
    expect(given(raised, ...first, second)).toMatchObject({ targetMeetingId: 'wseb-2022-07', timesCarriedForward: 2 });
  });

  it.each([
    ['an unrecorded meeting', { toMeetingId: 'nope', facts: to(undefined, false) }, [raised], 'meeting-not-found'],
    [
      'the raising meeting',
      { toMeetingId: 'wseb-2022-05-10', facts: to(may.scheduledFor) },
      [raised],
      'carry-forward-not-later',
    ],
    [
      'a meeting before the raising meeting',
      { toMeetingId: 'wseb-2022-03', facts: to('2022-03-01T10:00:00.000Z') },
      [raised],
      'carry-forward-not-later',
    ],
    [
      'the meeting it is already due at',
      { toMeetingId: 'wseb-2022-06-07', facts: to() },
      [
        raised,
        {
          type: 'action-carried-forward',
          data: { actionId: id, toMeetingId: 'wseb-2022-06-07', timesCarriedForward: 1 },
        },
      ],
      'already-due-at-meeting',
    ],
  ] as const)('refuses to carry forward to %s', (_, data, events, code) => {
    expect(() =>
      when(given(...(events as readonly ActionEvent[])), {
        type: 'carry-action-forward',
        data: { actionId: id, ...data },
      }),
    ).toThrow(refused(code));
  });

  it('reassigns with the previous owners on the record, and refuses the same, none, duplicated or unrecorded owners', () => {
    const owners = [{ kind: 'partner' as const, partnerId: 'warwickshire-police' }];
    expect(
      when(open, { type: 'reassign-action', data: { actionId: id, owners, reason: 'Police lead', missingOwners: [] } }),
    ).toEqual([
      {
        type: 'action-reassigned',
        data: {
          actionId: id,
          owners,
          previousOwners: [{ kind: 'person', personId: 'amrita-sharma' }],
          reason: 'Police lead',
        },
      },
    ]);
    const reassign =
      (o: typeof owners | { kind: 'person'; personId: string }[], missingOwners: string[] = []) =>
      () =>
        when(open, { type: 'reassign-action', data: { actionId: id, owners: o, missingOwners } });
    expect(reassign([{ kind: 'person', personId: 'amrita-sharma' }])).toThrow(refused('same-owners'));
    expect(reassign([])).toThrow(refused('owner-required'));
    expect(reassign([...owners, ...owners])).toThrow(refused('duplicate-owner'));
    expect(reassign(owners, ['partner:warwickshire-police'])).toThrow(refused('owner-not-found'));
  });

  it('changes the due date keeping the previous one, and refuses the date it already has', () => {
    expect(
      when(open, {
        type: 'change-action-due-date',
        data: { actionId: id, dueDate: '2022-07-31', reason: 'Audit delayed' },
      }),
    ).toEqual([
      {
        type: 'action-due-date-changed',
        data: { actionId: id, dueDate: '2022-07-31', previousDueDate: '2022-06-01', reason: 'Audit delayed' },
      },
    ]);
    expect(() =>
      when(open, { type: 'change-action-due-date', data: { actionId: id, dueDate: '2022-06-01', reason: 'x' } }),
    ).toThrow(refused('same-due-date'));
  });

  it('records which status a reopen and a cancel came from', () => {
    expect(
      when(given(...history.closed), {
        type: 'reopen-action',
        data: { actionId: id, reason: 'Reply asks for more' },
      })[0].data,
    ).toMatchObject({ reopenedFrom: 'closed' });
    expect(
      when(given(...history.actioned), { type: 'cancel-action', data: { actionId: id, reason: 'Superseded' } })[0].data,
    ).toMatchObject({ cancelledFrom: 'actioned' });
  });

  it('counts progress notes and keeps owners and due date in state', () => {
    const state = given(
      raised,
      { type: 'action-progress-noted', data: { actionId: id, note: 'a' } },
      { type: 'action-progress-noted', data: { actionId: id, note: 'b' } },
    );
    expect(state).toMatchObject({
      exists: true,
      status: 'open',
      progressNotes: 2,
      dueDate: '2022-06-01',
      owners: [{ kind: 'person', personId: 'amrita-sharma' }],
    });
  });
});
