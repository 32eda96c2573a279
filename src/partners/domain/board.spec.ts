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
    expect(spec.given([wseb]).state()).toMatchObject({ exists: true, name: wseb.data.name, kind: 'executive-board' });
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

describe('Board membership, deputies and quorum', () => {
  const seat = { boardId: 'wseb', seat: 'local-authority', partnerId: 'wcc', personId: 'nigel-minns', statutory: true };
  const add = (over: Partial<Extract<Cmd, { type: 'add-board-member' }>['data']> = {}): Cmd => ({
    type: 'add-board-member',
    data: { ...seat, from: '2022-01-01', partnerExists: true, personExists: true, ...over },
  });
  const added: BoardEvent = { type: 'board-member-added', data: { ...seat, from: '2022-01-01' } };
  /** John Coleman deputising in the council's seat from March. */
  const deputy = (over: Partial<Extract<Cmd, { type: 'arrange-board-deputy' }>['data']> = {}): Cmd => ({
    type: 'arrange-board-deputy',
    data: {
      boardId: 'wseb',
      seat: 'local-authority',
      deputyPersonId: 'john-coleman',
      from: '2022-03-01',
      personExists: true,
      ...over,
    },
  });

  it('adds a member, ends the membership, arranges a deputy and sets the quorum rule, all kept as history', () => {
    spec.given([wseb]).when(add()).then([added]);
    const ended: BoardEvent = {
      type: 'board-membership-ended',
      data: { boardId: 'wseb', seat: 'local-authority', personId: 'nigel-minns', to: '2022-12-31' },
    };
    spec.given([wseb, added]).when({ type: 'end-board-membership', data: ended.data }).then([ended]);
    spec
      .given([wseb, added])
      .when(deputy())
      .then([
        {
          type: 'board-deputy-arranged',
          data: { boardId: 'wseb', seat: 'local-authority', deputyPersonId: 'john-coleman', from: '2022-03-01' },
        },
      ]);
    const rule: Cmd = {
      type: 'set-board-quorum-rule',
      data: { boardId: 'wseb', rule: 'each-statutory-partner', from: '2022-01-01' },
    };
    spec
      .given([wseb])
      .when(rule)
      .then([{ type: 'board-quorum-rule-set', data: rule.data }]);
    // The seat is free again after the end date: the successor's membership follows, the past one stays.
    const successor = spec.given([wseb, added, ended]).when(add({ personId: 'rob-powell', from: '2023-01-01' }));
    const { boardId: _b, ...holder } = seat;
    expect(successor.stateAfter().memberships).toEqual([
      { ...holder, from: '2022-01-01', to: '2022-12-31' },
      { ...holder, personId: 'rob-powell', from: '2023-01-01' },
    ]);
  });

  it('keeps where a membership and a rule come from, in their own words', () => {
    const source = '001_c61fdfe20dc690cb.txt, WSEB minutes, 22 September 2022, "Apologies"';
    spec
      .given([wseb])
      .when(add({ source }))
      .then([{ ...added, data: { ...added.data, source } }]);
    const why = '(illustrative) the seeds state no quorum rule';
    const rule: Cmd = {
      type: 'set-board-quorum-rule',
      data: { boardId: 'wseb', rule: 'each-statutory-partner', from: '2022-05-10', source: why },
    };
    const events = spec.given([wseb]).when(rule).decided();
    expect(events).toEqual([{ type: 'board-quorum-rule-set', data: rule.data }]);
    expect(spec.given([wseb, ...events]).state().quorumRules).toEqual([
      { rule: 'each-statutory-partner', from: '2022-05-10', source: why },
    ]);
  });

  it('refuses, with stable codes, what the minutes could not support', () => {
    spec.given().when(add()).thenRefuses('board-not-found', 404);
    spec
      .given([wseb])
      .when(add({ partnerExists: false }))
      .thenRefuses('partner-not-registered', 422);
    spec
      .given([wseb])
      .when(add({ personExists: false }))
      .thenRefuses('person-not-registered', 422);
    spec
      .given([wseb])
      .when(add({ to: '2021-12-31' }))
      .thenRefuses('membership-ends-before-start', 422);
    spec
      .given([wseb, added])
      .when(add({ personId: 'rob-powell', from: '2022-06-01' }))
      .thenRefuses('seat-already-filled', 409);
    const end = (to: string): Cmd => ({
      type: 'end-board-membership',
      data: { boardId: 'wseb', seat: 'local-authority', personId: 'nigel-minns', to },
    });
    spec.given([wseb]).when(end('2022-12-31')).thenRefuses('open-board-membership-not-found', 404);
    spec.given([wseb, added]).when(end('2021-12-31')).thenRefuses('membership-ends-before-start', 422);
    spec
      .given([wseb, added])
      .when(deputy({ personExists: false }))
      .thenRefuses('person-not-registered', 422);
    spec
      .given([wseb, added])
      .when(deputy({ to: '2022-01-01' }))
      .thenRefuses('deputy-ends-before-start', 422);
    spec
      .given([wseb, added])
      .when(deputy({ seat: 'police' }))
      .thenRefuses('seat-not-on-board', 422);
    spec
      .given([wseb])
      .when({ type: 'set-board-quorum-rule', data: { boardId: 'wseb', rule: 'minimum-count', from: '2022-01-01' } })
      .thenRefuses('quorum-minimum-required', 422);
  });
});
