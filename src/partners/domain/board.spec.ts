import { deciderSpec, type TestCommand } from '../../shared/testing/decider-spec';
import { Board, type BoardCommand, type BoardEvent } from './board';

const spec = deciderSpec(Board, {
  meta: {
    actor: { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' },
    occurredAt: '2022-05-10T09:00:00.000Z',
  },
});
type Cmd = TestCommand<BoardCommand>;

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
    spec.given().when({ type: 'register-board', data: wseb.data }).then([wseb]);
    expect(spec.given([wseb]).state()).toEqual({ exists: true, name: wseb.data.name, kind: 'executive-board' });
  });

  it('registers a subgroup under a registered board', () => {
    const events = spec.given().when(subgroup(true)).decided();
    expect(events).toEqual([
      {
        type: 'board-registered',
        data: { boardId: 'wseb-training', name: 'Training subgroup', kind: 'subgroup', parentBoardId: 'wseb' },
      },
    ]);
    expect(spec.given(events).state().parentBoardId).toBe('wseb');
  });

  it('refuses a second registration (409), an unregistered parent and a board that is its own parent', () => {
    spec.given([wseb]).when({ type: 'register-board', data: wseb.data }).thenRefuses('board-exists', 409);
    spec.given().when(subgroup(false)).thenRefuses('parent-board-not-registered', 422);
    spec.given().when(subgroup(true, 'wseb-training')).thenRefuses('parent-board-is-self');
  });
});
