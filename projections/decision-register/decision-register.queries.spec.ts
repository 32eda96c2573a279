import type { DecisionDoc, MeetingDoc, SignoffDoc } from './decision-register-doc';
import { inDateRange, matchesQuery } from './decision-register.queries';
import { decisionHistory, registerDetail, registerItem } from './decision-register.views';

const M = 'wseb-2022-05-10';
const actor = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const at = { occurredAt: '2022-05-10T10:00:00.000Z', recordedAt: '2022-11-21T12:00:00.000Z', actor };
const line = (type: string, position: number, streamId: string) => ({
  type,
  ...at,
  summary: type,
  streamId,
  eventId: `e${position}`,
  position,
});

const doc = (over: Partial<DecisionDoc> = {}): DecisionDoc => ({
  kind: 'decision',
  decisionId: 'd1',
  recorded: true,
  meetingId: M,
  itemNumber: 4,
  outcome: 'agreed',
  text: 'Sign off the CSPR',
  responsiblePartnerIds: [],
  conditions: [
    { conditionId: 'c1', text: 'Update the report', satisfied: false },
    { conditionId: 'c2', text: 'Publish', satisfied: true },
  ],
  status: 'in-force',
  supersedes: [],
  signoffIds: ['so1'],
  revision: 1,
  history: [line('decision-recorded', 4, 'decision-d1'), line('decision-condition-satisfied', 10, 'decision-d1')],
  ...over,
});
const meeting: MeetingDoc = {
  kind: 'meeting',
  meetingId: M,
  boardId: 'wseb',
  scheduledFor: '2022-05-10T10:00:00.000Z',
  items: { 4: { label: '4', title: 'CSPR (James)' } },
};
const signoff: SignoffDoc = {
  kind: 'signoff',
  signoffId: 'so1',
  requested: true,
  revision: 0,
  decisionId: 'd1',
  status: 'completed',
  requiredPartnerIds: ['p1', 'p2'],
  artefact: { artefactId: 'a', kind: 'report', title: 'CSPR James', version: 'v1', contentHash: 'a'.repeat(64) },
  signatures: [
    { partnerId: 'p1', status: 'signed', signedAt: at },
    { partnerId: 'p2', status: 'awaiting' },
  ],
  completed: { ...at, version: 'v1', subjectToConditions: true },
  invalidations: [],
  history: [line('signoff-requested', 6, 'signoff-so1'), line('signoff-signed', 8, 'signoff-so1')],
};

describe('matchesQuery', () => {
  it.each([
    ['no filters', {}, {}, meeting, true],
    ['its board', { boardId: 'wseb' }, {}, meeting, true],
    ['another board', { boardId: 'worcs-scb' }, {}, meeting, false],
    ['a board when the meeting is unknown', { boardId: 'wseb' }, {}, undefined, false],
    ['its meeting', { meetingId: M }, {}, meeting, true],
    ['another meeting', { meetingId: 'wseb-2022-09-22' }, {}, meeting, false],
    ['its outcome', { outcome: 'agreed' as const }, {}, meeting, true],
    ['another outcome', { outcome: 'endorsed' as const }, {}, meeting, false],
    ['its status', { status: 'in-force' as const }, {}, meeting, true],
    ['another status', { status: 'rescinded' as const }, {}, meeting, false],
    ['unsatisfied conditions when one is outstanding', { hasUnsatisfiedConditions: true }, {}, meeting, true],
    [
      'unsatisfied conditions when all are satisfied',
      { hasUnsatisfiedConditions: true },
      { conditions: [] },
      meeting,
      false,
    ],
    ['none outstanding when one is', { hasUnsatisfiedConditions: false }, {}, meeting, false],
    ['none outstanding when none are', { hasUnsatisfiedConditions: false }, { conditions: [] }, meeting, true],
    ['a date range around the meeting', { from: '2022-05-10', to: '2022-05-10' }, {}, meeting, true],
    ['a range after it', { from: '2022-05-11' }, {}, meeting, false],
    ['a range before it', { to: '2022-05-09' }, {}, meeting, false],
    [
      'everything together',
      {
        boardId: 'wseb',
        meetingId: M,
        outcome: 'agreed' as const,
        status: 'in-force' as const,
        hasUnsatisfiedConditions: true,
        from: '2022-01-01',
        to: '2022-12-31',
      },
      {},
      meeting,
      true,
    ],
    ['a decision never recorded', {}, { recorded: false }, meeting, false],
  ])('%s -> %s', (_, query, over, m, expected) => {
    expect(matchesQuery(doc(over), m, query)).toBe(expected);
  });
});

describe('inDateRange', () => {
  it.each([
    [undefined, undefined, undefined, true],
    [undefined, '2022-01-01', undefined, false],
    ['2022-05-10T10:00:00.000Z', '2022-05-10T23:00:00.000Z', undefined, true],
    ['2022-05-10T10:00:00.000Z', undefined, '2022-05-09', false],
  ])('meeting %s in [%s, %s] -> %s', (date, from, to, expected) => {
    expect(inDateRange(date, from, to)).toBe(expected);
  });
});

describe('views joining a decision, its meeting and its sign-offs', () => {
  it('a list row shows the meeting as minuted, outstanding conditions and each sign-off at a glance, without histories', () => {
    const item = registerItem(doc(), meeting, [signoff]);
    expect(item).toMatchObject({
      decisionId: 'd1',
      unsatisfiedConditions: 1,
      historyLength: 2,
      meeting: {
        meetingId: M,
        boardId: 'wseb',
        date: '2022-05-10T10:00:00.000Z',
        itemNumber: 4,
        itemLabel: '4',
        itemTitle: 'CSPR (James)',
      },
      signoffs: [
        {
          signoffId: 'so1',
          status: 'completed',
          artefactTitle: 'CSPR James',
          version: 'v1',
          signed: 1,
          required: 2,
          subjectToConditions: true,
        },
      ],
    });
    expect(item).not.toHaveProperty('history');
    expect(item).not.toHaveProperty('kind');
  });

  it('a decision whose meeting document is missing still names the meeting, with nulls for what is unknown', () => {
    expect(registerItem(doc(), undefined, []).meeting).toEqual({
      meetingId: M,
      boardId: null,
      date: null,
      itemNumber: 4,
      itemLabel: null,
      itemTitle: null,
      quorum: null,
    });
  });

  it('the detail carries each sign-off with its signatures and invalidations, and leaves out ids with no request', () => {
    const detail = registerDetail(doc(), meeting, [signoff, undefined]);
    expect(detail.signoffs).toEqual([
      expect.objectContaining({ signoffId: 'so1', signatures: signoff.signatures, invalidations: [] }),
    ]);
    expect(detail.signoffs[0]).not.toHaveProperty('history');
  });

  it('the history interleaves the decision and its sign-offs in ledger order, naming the record of each line', () => {
    expect(decisionHistory(doc(), [signoff]).map((h) => [h.position, h.type, h.record])).toEqual([
      [4, 'decision-recorded', { kind: 'decision', decisionId: 'd1' }],
      [6, 'signoff-requested', { kind: 'signoff', signoffId: 'so1' }],
      [8, 'signoff-signed', { kind: 'signoff', signoffId: 'so1' }],
      [10, 'decision-condition-satisfied', { kind: 'decision', decisionId: 'd1' }],
    ]);
  });
});
