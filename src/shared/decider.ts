/**
 * A domain event as the domain sees it: a stable past-tense type string and its data.
 * The ledger wraps it in the stored envelope (ids, actor, times, hash links).
 */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/**
 * Pure domain logic, one per aggregate: no Nest, no I/O, no clock.
 * decide() throws a typed DomainError to refuse a command; it never writes.
 */
export interface Decider<C, E extends DomainEvent, S> {
  initialState: S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
}

/** Folds events over a decider's initial state: how every aggregate is loaded. */
export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  events: E[],
): S {
  return events.reduce((s, e) => decider.evolve(s, e), decider.initialState);
}

/** How each event type changes the state: one entry per type of the union, which the compiler requires. */
export type Evolutions<E extends DomainEvent, S> = {
  [K in E['type']]: (state: S, event: Extract<E, { type: K }>) => S;
};

/** The evolve a table of evolutions makes: each event goes to its type's entry. */
export function evolveBy<E extends DomainEvent, S>(evolutions: Evolutions<E, S>): (state: S, event: E) => S {
  const table = evolutions as unknown as Record<string, (state: S, event: E) => S>;
  return (state, event) => table[event.type](state, event);
}

/** The entry of a fact no later rule reads (kept for the registers alone). */
export const unchanged = <S>(state: S): S => state;
