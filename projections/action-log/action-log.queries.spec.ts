import type { ActionLogEntry, MeetingBoardDoc, PersonPartnersDoc } from './action-log-doc';
import { isOverdue, matchesQuery, owningPartners, type ActionLogLookups } from './action-log.queries';

const doc = (over: Partial<ActionLogEntry> = {}): ActionLogEntry => ({
  kind: 'action',
  actionId: 'a1',
  raised: true,
  text: 'Send the letter',
  status: 'open',
  timesCarriedForward: 0,
  historyLength: 0,
  revision: 0,
  owners: [
    { kind: 'person', personId: 'pete-hill' },
    { kind: 'partner', partnerId: 'warwickshire-police' },
    { kind: 'team', name: 'WS Business Team' },
  ],
  dueDate: '2022-06-30',
  originMeetingId: 'wseb-2022-05-10',
  ...over,
});
const meetings: Record<string, MeetingBoardDoc> = {
  'wseb-2022-05-10': { kind: 'meeting', meetingId: 'wseb-2022-05-10', boardId: 'wseb' },
  'worcs-2022-05-11': { kind: 'meeting', meetingId: 'worcs-2022-05-11', boardId: 'worcs-scb' },
  'wseb-2022-06-07': {
    kind: 'meeting',
    meetingId: 'wseb-2022-06-07',
    boardId: 'wseb',
    scheduledFor: '2022-06-07T09:30:00.000Z',
  },
};
/** Jo moved from the council to the police on 1 July 2022. */
const people: Record<string, PersonPartnersDoc> = {
  'jo-bloggs': {
    kind: 'person',
    personId: 'jo-bloggs',
    roles: [
      { partnerId: 'warwickshire-county-council', from: null },
      { partnerId: 'warwickshire-police', from: '2022-07-01' },
    ],
  },
};
const look: ActionLogLookups = { meeting: (id) => meetings[id], person: (id) => people[id] };

describe('isOverdue', () => {
  it.each([
    ['open and due before asOf', {}, '2022-07-01', true],
    ['open and due on asOf (not yet late)', {}, '2022-06-30', false],
    ['open and due after asOf', {}, '2022-06-01', false],
    ['asOf given as an instant, judged by its date', {}, '2022-07-01T00:00:00.000Z', true],
    ['actioned, even if past its date', { status: 'actioned' as const }, '2022-07-01', false],
    ['closed', { status: 'closed' as const }, '2022-07-01', false],
    ['cancelled', { status: 'cancelled' as const }, '2022-07-01', false],
    ['due only at a meeting not recorded (no date to be late against)', { dueDate: undefined }, '2030-01-01', false],
    ...[
      ['no due date: the day after the target meeting', '2022-06-08', true],
      ['no due date: on the day of the target meeting', '2022-06-07', false],
      ['no due date: before the target meeting', '2022-06-01', false],
    ].map(([name, asOf, expected]) => [
      name,
      { dueDate: undefined, targetMeetingId: 'wseb-2022-06-07' },
      asOf,
      expected,
    ]),
    ['a due date wins over the target meeting', { targetMeetingId: 'wseb-2022-06-07' }, '2022-06-08', false],
    [
      'closed after its target meeting',
      { dueDate: undefined, targetMeetingId: 'wseb-2022-06-07', status: 'closed' as const },
      '2022-06-08',
      false,
    ],
  ] as [string, Partial<ActionLogEntry>, string, boolean][])('%s -> %s', (_, over, asOf, expected) => {
    expect(isOverdue(doc(over), asOf, look)).toBe(expected);
  });
});

describe('owningPartners: agencies by partner owner, or by a person owner at the time', () => {
  const jo = [{ kind: 'person' as const, personId: 'jo-bloggs' }];
  it.each([
    ['a partner owner as named', { owners: [{ kind: 'partner' as const, partnerId: 'nhs-cw-icb' }] }, ['nhs-cw-icb']],
    ['a team owner: no agency', { owners: [{ kind: 'team' as const, name: 'All' }] }, []],
    [
      'a person with the partner the event recorded',
      { owners: jo, ownerPartners: [{ personId: 'jo-bloggs', partnerId: 'nhs-cw-icb' }], ownedSince: '2022-08-01' },
      ['nhs-cw-icb'],
    ],
    [
      'a person the event did not record: the role on the day owners were set (before the move)',
      { owners: jo, ownedSince: '2022-06-30T10:00:00.000Z' },
      ['warwickshire-county-council'],
    ],
    [
      'the same person, owners set on the day of the move',
      { owners: jo, ownedSince: '2022-07-01T10:00:00.000Z' },
      ['warwickshire-police'],
    ],
    ['a person not known to the read model', { owners: [{ kind: 'person' as const, personId: 'x' }] }, []],
    [
      'two owners of one agency: once',
      {
        owners: [...jo, { kind: 'partner' as const, partnerId: 'warwickshire-police' }],
        ownedSince: '2022-08-01',
      },
      ['warwickshire-police'],
    ],
  ] as [string, Partial<ActionLogEntry>, string[]][])('%s', (_, over, expected) => {
    expect(owningPartners(doc({ ownerPartners: undefined, ownedSince: undefined, ...over }), look)).toEqual(expected);
  });
});

describe('matchesQuery', () => {
  const asOf = '2022-07-01';
  it.each([
    ['no filters', {}, {}, true],
    ['board of the raising meeting', { boardId: 'wseb' }, {}, true],
    ['another board', { boardId: 'worcs-scb' }, {}, false],
    ['a board when the raising meeting is unknown', { boardId: 'wseb' }, { originMeetingId: 'unknown' }, false],
    ['owner by key', { owner: 'person:pete-hill' }, {}, true],
    ['owner by bare id', { owner: 'pete-hill' }, {}, true],
    ['team owner by name, any case', { owner: 'team:ws business team' }, {}, true],
    ['someone else', { owner: 'person:jo-bloggs' }, {}, false],
    ['partner as an owner', { partnerId: 'warwickshire-police' }, {}, true],
    [
      "a person owner's partner at the time",
      { partnerId: 'warwickshire-county-council' },
      { owners: [{ kind: 'person' as const, personId: 'jo-bloggs' }], ownedSince: '2022-05-10' },
      true,
    ],
    ['a partner that does not own it', { partnerId: 'nhs-cw-icb' }, {}, false],
    ['status', { status: 'open' as const }, {}, true],
    ['other status', { status: 'closed' as const }, {}, false],
    ['overdue', { overdue: true }, {}, true],
    ['not overdue when it is', { overdue: false }, {}, false],
    ['not overdue when it is not', { overdue: false }, { dueDate: '2022-08-01' }, true],
    [
      'all filters together',
      { boardId: 'wseb', owner: 'pete-hill', partnerId: 'warwickshire-police', status: 'open' as const, overdue: true },
      {},
      true,
    ],
    ['an action never raised', {}, { raised: false }, false],
  ])('%s -> %s', (_, query, over, expected) => {
    expect(matchesQuery(doc(over), { asOf, ...query }, look)).toBe(expected);
  });
});
