import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { BoardEvent } from '../../src/partners';
import type { BoardDoc } from './board-doc';
import { boardsProjection as p } from './boards.projection';
import { matchesBoard } from './boards.queries';

const admin = { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' };
const stored = storedEventFactory({ step: 3, actor: admin });
const board = (e: BoardEvent) => stored(`board-${e.data.boardId}`, e.type, e.data);

function project(events: StoredEvent[]): Map<string, BoardDoc> {
  const docs = new Map<string, BoardDoc>();
  for (const e of events.filter((x) => p.canHandle(x)))
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  return docs;
}

const wseb = board({
  type: 'board-registered',
  data: { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' },
});
const training = board({
  type: 'board-registered',
  data: { boardId: 'wseb-training', name: 'Training subgroup', kind: 'subgroup', parentBoardId: 'wseb' },
});

describe('boards projection', () => {
  it('given a subgroup registered under a board, then the board lists it and the subgroup names its parent', () => {
    const docs = project([wseb, training]);
    expect(docs.get('board:wseb')).toMatchObject({
      exists: true,
      kind: 'executive-board',
      subgroups: [{ boardId: 'wseb-training', name: 'Training subgroup', kind: 'subgroup' }],
    });
    expect(docs.get('board:wseb')).not.toHaveProperty('parentBoardId');
    expect(docs.get('board:wseb-training')).toMatchObject({ exists: true, parentBoardId: 'wseb', subgroups: [] });
    expect(docs.get('board:wseb')!.history.map((h) => [h.streamId, h.summary])).toEqual([
      ['board-wseb', 'Registered Warwickshire Safeguarding Executive Board (executive-board)'],
      ['board-wseb-training', 'Registered Training subgroup (subgroup) under wseb'],
    ]);
  });

  it('when filtered, then by kind and by parent, and never an unregistered board', () => {
    const docs = project([wseb, training]);
    expect(matchesBoard(docs.get('board:wseb-training')!, { parentBoardId: 'wseb', kind: 'subgroup' })).toBe(true);
    expect(matchesBoard(docs.get('board:wseb')!, { parentBoardId: 'wseb' })).toBe(false);
    expect(matchesBoard(p.initialState('board:nope'), {})).toBe(false);
  });
});

describe('boards projection: members over time', () => {
  it('given a member seated, ended and succeeded, a deputy and a quorum rule, then the board shows current and past', () => {
    const seat = { boardId: 'wseb', seat: 'police', partnerId: 'warwickshire-police', statutory: true };
    const docs = project([
      wseb,
      board({ type: 'board-member-added', data: { ...seat, personId: 'pete-hill', from: '2022-01-01' } }),
      board({
        type: 'board-membership-ended',
        data: { boardId: 'wseb', seat: 'police', personId: 'pete-hill', to: '2022-06-30' },
      }),
      board({ type: 'board-member-added', data: { ...seat, personId: 'ben-smith', from: '2022-07-01' } }),
      board({
        type: 'board-deputy-arranged',
        data: { boardId: 'wseb', seat: 'police', deputyPersonId: 'jo-bloggs', from: '2022-07-01' },
      }),
      board({
        type: 'board-quorum-rule-set',
        data: { boardId: 'wseb', rule: 'each-statutory-partner', from: '2022-01-01' },
      }),
    ]);
    const doc = docs.get('board:wseb')!;
    expect(doc.memberships.map((m) => [m.personId, m.from, m.to])).toEqual([
      ['pete-hill', '2022-01-01', '2022-06-30'],
      ['ben-smith', '2022-07-01', undefined],
    ]);
    expect(doc.deputies).toEqual([{ seat: 'police', deputyPersonId: 'jo-bloggs', from: '2022-07-01' }]);
    expect(doc.quorumRules).toEqual([{ rule: 'each-statutory-partner', from: '2022-01-01' }]);
    expect(doc.history.at(-1)?.summary).toBe('Quorum rule each-statutory-partner from 2022-01-01');
  });
});
