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
