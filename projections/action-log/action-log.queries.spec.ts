import type { ActionLogEntry } from './action-log-doc';
import { isOverdue, matchesQuery } from './action-log.queries';

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
const boards: Record<string, string> = { 'wseb-2022-05-10': 'wseb', 'worcs-2022-05-11': 'worcs-scb' };
const boardOf = (m: string) => boards[m];

describe('isOverdue', () => {
  it.each([
    ['open and due before asOf', {}, '2022-07-01', true],
    ['open and due on asOf (not yet late)', {}, '2022-06-30', false],
    ['open and due after asOf', {}, '2022-06-01', false],
    ['asOf given as an instant, judged by its date', {}, '2022-07-01T00:00:00.000Z', true],
    ['actioned, even if past its date', { status: 'actioned' as const }, '2022-07-01', false],
    ['closed', { status: 'closed' as const }, '2022-07-01', false],
    ['cancelled', { status: 'cancelled' as const }, '2022-07-01', false],
    ['due only at a meeting (no date)', { dueDate: undefined }, '2030-01-01', false],
  ])('%s -> %s', (_, over, asOf, expected) => {
    expect(isOverdue(doc(over), asOf)).toBe(expected);
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
    expect(matchesQuery(doc(over), { asOf, ...query }, boardOf)).toBe(expected);
  });
});
