import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { Board, type BoardCommand, type BoardEvent } from './board';

const meta: CommandMeta = {
  actor: { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-05-10T09:00:00.000Z',
};
type Cmd = Omit<BoardCommand, 'meta'>;
const given = (...events: BoardEvent[]) => fold(Board.decider, events);
const when = (state: ReturnType<typeof given>, c: Cmd) => Board.decider.decide({ ...c, meta } as BoardCommand, state);

const wseb: BoardEvent = {
  type: 'board-registered',
  data: { boardId: 'wseb', name: 'Warwickshire Safeguarding Executive Board', kind: 'executive-board' },
};
const subgroup = (parentExists: boolean, parentBoardId = 'wseb'): Cmd => ({
  type: 'register-board',
  data: { boardId: 'wseb-training', name: 'Training subgroup', kind: 'subgroup', parentBoardId, parentExists },
});

describe('Board decider', () => {
  it('registers a board without a parent', () => {
    expect(when(given(), { type: 'register-board', data: wseb.data })).toEqual([wseb]);
    expect(given(wseb)).toEqual({ exists: true, name: wseb.data.name, kind: 'executive-board' });
  });

  it('registers a subgroup under a registered board', () => {
    const events = when(given(), subgroup(true));
    expect(events).toEqual([
      {
        type: 'board-registered',
        data: { boardId: 'wseb-training', name: 'Training subgroup', kind: 'subgroup', parentBoardId: 'wseb' },
      },
    ]);
    expect(given(...events).parentBoardId).toBe('wseb');
  });

  it('refuses a second registration (409), an unregistered parent and a board that is its own parent', () => {
    expect(() => when(given(wseb), { type: 'register-board', data: wseb.data })).toThrow(
      expect.objectContaining({ code: 'board-exists', status: 409 }),
    );
    expect(() => when(given(), subgroup(false))).toThrow(
      expect.objectContaining({ code: 'parent-board-not-registered', status: 422 }),
    );
    expect(() => when(given(), subgroup(true, 'wseb-training'))).toThrow(
      expect.objectContaining({ code: 'parent-board-is-self' }),
    );
  });
});
