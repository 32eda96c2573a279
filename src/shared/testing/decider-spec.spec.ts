import type { Decider, DomainEvent } from '../decider';
import { deciderSpec } from './decider-spec';

/** A counter that refuses to go below zero: just enough decider to test the kit on. */
type Meta = { actor: { userId: string }; occurredAt: string };
type Cmd = { type: 'add' | 'take'; data: { n: number }; meta: Meta };
type Ev = DomainEvent<'added' | 'taken', { n: number; by: string }>;
class Refused extends Error {
  readonly status = 422;
  readonly details = {};
  constructor(readonly code: string) {
    super(code);
  }
}
const counter: Decider<Cmd, Ev, number> = {
  initialState: 0,
  decide: ({ type, data: { n }, meta }, total) => {
    if (n === 13) throw new TypeError('unlucky');
    if (type === 'take' && n > total) throw new Refused('below-zero');
    return [{ type: type === 'add' ? 'added' : 'taken', data: { n, by: meta.actor.userId } }];
  },
  evolve: (total, e) => (e.type === 'added' ? total + e.data.n : total - e.data.n),
};
const spec = deciderSpec({ decider: counter }, { meta: { actor: { userId: 'u1' }, occurredAt: 'now' } });
const added = (n: number, by = 'u1'): Ev => ({ type: 'added', data: { n, by } });
const add = (n: number) => ({ type: 'add' as const, data: { n } });
const take = (n: number) => ({ type: 'take' as const, data: { n } });

describe('deciderSpec', () => {
  it('given events, when a command is decided, then passes on exactly the expected events and fails on others', () => {
    spec
      .given([added(2)])
      .when(take(1))
      .then([{ type: 'taken', data: { n: 1, by: 'u1' } }]);
    spec.given(added(2)).when(add(1)).then(added(1));
    expect(() =>
      spec
        .given([added(2)])
        .when(take(1))
        .then([]),
    ).toThrow();
    expect(() =>
      spec
        .given([added(2)])
        .when(add(1))
        .then([added(1), added(1)]),
    ).toThrow();
    expect(() => spec.given([]).when(take(1)).then([])).toThrow(/refused with below-zero \(422\)/);
  });

  it("adds the spec's meta unless the command gives its own", () => {
    spec.given().when(add(1)).then(added(1, 'u1'));
    spec
      .given()
      .when({ ...add(1), meta: { actor: { userId: 'u2' }, occurredAt: 'now' } })
      .then(added(1, 'u2'));
  });

  it('thenRefuses passes on the code (and status, when given), fails otherwise, and answers the refusal', () => {
    expect(
      spec
        .given([added(1)])
        .when(take(2))
        .thenRefuses('below-zero', 422),
    ).toMatchObject({ code: 'below-zero' });
    expect(() =>
      spec
        .given([added(1)])
        .when(take(2))
        .thenRefuses('other-code'),
    ).toThrow();
    expect(() =>
      spec
        .given([added(1)])
        .when(take(2))
        .thenRefuses('below-zero', 409),
    ).toThrow();
    expect(() =>
      spec
        .given([added(5)])
        .when(take(2))
        .thenRefuses('below-zero'),
    ).toThrow(/decided/);
  });

  it('does not take an error without a code for a refusal', () => {
    expect(() => spec.given().when(add(13)).thenRefuses('unlucky')).toThrow(TypeError);
  });

  it('thenMatches compares each event with its partial and the count; state and stateAfter fold the history', () => {
    spec
      .given()
      .when(add(3))
      .thenMatches([{ type: 'added' }]);
    expect(() =>
      spec
        .given()
        .when(add(3))
        .thenMatches([{ type: 'taken' }]),
    ).toThrow();
    expect(() => spec.given().when(add(3)).thenMatches([{}, {}])).toThrow();
    expect(spec.given([added(2), added(3)]).state()).toBe(5);
    expect(
      spec
        .given([added(2)])
        .when(take(2))
        .stateAfter(),
    ).toBe(0);
    expect(
      spec
        .given([added(2)])
        .when(add(4))
        .decided(),
    ).toEqual([added(4)]);
  });
});
