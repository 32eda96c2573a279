import { deciderSpec, type TestCommand } from '../../shared/testing/decider-spec';
import { Action, type ActionCommand, type ActionEvent, type ActionStatus, type RaiseFacts } from './action';

const spec = deciderSpec(Action);
type Command = TestCommand<ActionCommand>;

const id = 'wseb-2022-05-10-a1';
const may = { exists: true, closed: false, itemNumbers: [1, 2, 3], scheduledFor: '2022-05-10T10:00:00.000Z' };
const june = { exists: true, scheduledFor: '2022-06-07T10:00:00.000Z' };
const facts: RaiseFacts = {
  meeting: may,
  targetMeeting: june,
  missingOwners: [],
  ownerPartners: [],
  missingServed: [],
};
const ownerFacts = { missingOwners: [], ownerPartners: [] };
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
const raiseWith = (data: Partial<RaiseData>, history: readonly ActionEvent[] = []) =>
  spec.given(history).when({ type: 'raise-action', data: { ...raiseData, ...data } });
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
    raiseWith({}).then([{ type: 'action-raised', data }]);
  });

  it("records person and partner owners, each person owner's partner that day, a due date alone, and leaves absent fields out", () => {
    const owners = [
      { kind: 'person' as const, personId: 'pete-hill' },
      { kind: 'partner' as const, partnerId: 'warwickshire-county-council' },
    ];
    // The handler resolved a person who is not an owner too: only the owners' partners are recorded.
    const ownerPartners = [
      { personId: 'amrita-sharma', partnerId: 'warwickshire-county-council' },
      { personId: 'pete-hill', partnerId: 'warwickshire-police' },
    ];
    raiseWith({ owners, dueDate: '2022-06-30', targetMeetingId: undefined, facts: { ...facts, ownerPartners } }).then({
      type: 'action-raised',
      data: {
        actionId: id,
        meetingId: 'wseb-2022-05-10',
        itemNumber: 3,
        text: raiseData.text,
        owners,
        ownerPartners: [{ personId: 'pete-hill', partnerId: 'warwickshire-police' }],
        dueDate: '2022-06-30',
      },
    });
  });

  it('given a cited recommendation the handler found, then the action records what it serves', () => {
    const serves = [{ kind: 'case-review-recommendation' as const, id: 'r1', parentId: 'wsp-cspr-2022-02' }];
    raiseWith({ serves }).thenMatches([{ type: 'action-raised', data: { serves } }]);
  });

  it('given a cited record the handler could not find, then the raise is refused and nothing is recorded', () => {
    const serves = [{ kind: 'case-review' as const, id: 'nowhere' }];
    raiseWith({ serves, facts: { ...facts, missingServed: serves } }).thenRefuses('served-record-not-found', 422);
  });

  it('does not check item numbers when the meeting items are not known', () => {
    raiseWith({ itemNumber: 42, facts: { ...facts, meeting: { exists: true } } }).thenMatches([
      { type: 'action-raised' },
    ]);
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
    raiseWith(data as Partial<RaiseData>, events).thenRefuses(code, status);
  });
});

describe('Action decider: the status machine', () => {
  // Each command, the statuses it is allowed in, and the event it records.
  const commands: [Command, ActionStatus[], string][] = [
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
        data: { actionId: id, owners: [{ kind: 'person', personId: 'pete-hill' }], facts: ownerFacts },
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
    const decision = spec.given(history[status]).when(command);
    if (allowed) decision.thenMatches([{ type: event }]);
    else decision.thenRefuses(codes[status], 422);
  });

  it.each(commands.map(([c]) => [c.type, c] as const))(
    '%s on an action never raised is 404 action-not-found',
    (_, command) => {
      spec.given([]).when(command).thenRefuses('action-not-found', 404);
    },
  );

  it('moves open -> actioned -> closed -> open (reopen) and cancelled is final', () => {
    let history: ActionEvent[] = [raised];
    const step = (c: Command) => {
      history = [...history, ...spec.given(history).when(c).decided()];
      return spec.given(history).state().status;
    };
    expect(step({ type: 'complete-action', data: { actionId: id, note: 'Letter sent 20 May' } })).toBe('actioned');
    expect(step({ type: 'close-action', data: { actionId: id } })).toBe('closed');
    expect(step({ type: 'reopen-action', data: { actionId: id, reason: 'Reply asks for more' } })).toBe('open');
    expect(step({ type: 'cancel-action', data: { actionId: id, reason: 'Superseded' } })).toBe('cancelled');
    spec
      .given(history)
      .when({ type: 'reopen-action', data: { actionId: id, reason: 'Try again' } })
      .thenRefuses('action-cancelled', 422);
  });
});

describe('Action decider: the rules of each change', () => {
  const open = spec.given([raised]);

  it('closes an actioned action without a reason, and an open one only with a reason (recording which it was)', () => {
    spec
      .given([raised, completed])
      .when({ type: 'close-action', data: { actionId: id } })
      .then([{ type: 'action-closed', data: { actionId: id, closedFrom: 'actioned' } }]);
    open
      .when({ type: 'close-action', data: { actionId: id, reason: 'Board agreed no further action' } })
      .then([
        { type: 'action-closed', data: { actionId: id, closedFrom: 'open', reason: 'Board agreed no further action' } },
      ]);
    open.when({ type: 'close-action', data: { actionId: id } }).thenRefuses('action-not-actioned', 422);
  });

  it('counts each carry forward and records the meeting it moved from', () => {
    const carry = (toMeetingId: string, history: ActionEvent[] = [raised]) =>
      spec.given(history).when({
        type: 'carry-action-forward',
        data: { actionId: id, toMeetingId, facts: to(), note: 'Not reached' },
      });
    const first: ActionEvent = {
      type: 'action-carried-forward',
      data: { actionId: id, toMeetingId: 'wseb-2022-06-07', note: 'Not reached', timesCarriedForward: 1 },
    };
    carry('wseb-2022-06-07').then([first]);
    const second = carry('wseb-2022-07', [raised, first]);
    second.thenMatches([
      { data: { fromMeetingId: 'wseb-2022-06-07', toMeetingId: 'wseb-2022-07', timesCarriedForward: 2 } },
    ]);
    expect(second.stateAfter()).toMatchObject({ targetMeetingId: 'wseb-2022-07', timesCarriedForward: 2 });
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
    spec
      .given(events)
      .when({ type: 'carry-action-forward', data: { actionId: id, ...data } })
      .thenRefuses(code, 422);
  });

  it('reassigns with the previous owners on the record, and refuses the same, none, duplicated or unrecorded owners', () => {
    const owners = [{ kind: 'partner' as const, partnerId: 'warwickshire-police' }];
    open
      .when({ type: 'reassign-action', data: { actionId: id, owners, reason: 'Police lead', facts: ownerFacts } })
      .then([
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
    const reassign = (o: typeof owners | { kind: 'person'; personId: string }[], missingOwners: string[] = []) =>
      open.when({
        type: 'reassign-action',
        data: { actionId: id, owners: o, facts: { ...ownerFacts, missingOwners } },
      });
    reassign([{ kind: 'person', personId: 'amrita-sharma' }]).thenRefuses('same-owners', 422);
    reassign([]).thenRefuses('owner-required', 422);
    reassign([...owners, ...owners]).thenRefuses('duplicate-owner', 422);
    reassign(owners, ['partner:warwickshire-police']).thenRefuses('owner-not-found', 422);
  });

  it("reassigns to a person with their partner on the reassignment's date on the record", () => {
    const owners = [{ kind: 'person' as const, personId: 'pete-hill' }];
    const ownerPartners = [{ personId: 'pete-hill', partnerId: 'warwickshire-police' }];
    open
      .when({ type: 'reassign-action', data: { actionId: id, owners, facts: { ...ownerFacts, ownerPartners } } })
      .thenMatches([{ type: 'action-reassigned', data: { owners, ownerPartners } }]);
  });

  it('changes the due date keeping the previous one, and refuses the date it already has', () => {
    open
      .when({ type: 'change-action-due-date', data: { actionId: id, dueDate: '2022-07-31', reason: 'Audit delayed' } })
      .then([
        {
          type: 'action-due-date-changed',
          data: { actionId: id, dueDate: '2022-07-31', previousDueDate: '2022-06-01', reason: 'Audit delayed' },
        },
      ]);
    open
      .when({ type: 'change-action-due-date', data: { actionId: id, dueDate: '2022-06-01', reason: 'x' } })
      .thenRefuses('same-due-date', 422);
  });

  it('records which status a reopen and a cancel came from', () => {
    spec
      .given(history.closed)
      .when({ type: 'reopen-action', data: { actionId: id, reason: 'Reply asks for more' } })
      .thenMatches([{ data: { reopenedFrom: 'closed' } }]);
    spec
      .given(history.actioned)
      .when({ type: 'cancel-action', data: { actionId: id, reason: 'Superseded' } })
      .thenMatches([{ data: { cancelledFrom: 'actioned' } }]);
  });

  it('counts progress notes and keeps owners and due date in state', () => {
    const state = spec
      .given([
        raised,
        { type: 'action-progress-noted', data: { actionId: id, note: 'a' } },
        { type: 'action-progress-noted', data: { actionId: id, note: 'b' } },
      ])
      .state();
    expect(state).toMatchObject({
      exists: true,
      status: 'open',
      progressNotes: 2,
      dueDate: '2022-06-01',
      owners: [{ kind: 'person', personId: 'amrita-sharma' }],
    });
  });
});
