import type { DomainEvent } from '../shared/decider';
import { unchanged, type Evolutions } from '../shared/decider';
import { aggregateOf } from './aggregate';

type CountEvent = DomainEvent<'counted', { by: number }> | DomainEvent<'noted', { note: string }>;
const evolutions: Evolutions<CountEvent, number> = {
  counted: (state, event) => state + event.data.by,
  noted: unchanged,
};
const Counter = aggregateOf(
  { category: 'counter', name: 'Counter' },
  { initialState: 0, decide: () => [], evolutions },
  { counted: { version: 2, upcasters: { 1: (data: { n: number }) => ({ by: data.n }) } } },
);

describe('aggregateOf: an aggregate whose evolve is a table keyed by event type', () => {
  it("given the table, then its keys are the codec's event types, at version 1 unless a spec says otherwise", () => {
    expect(Counter.codec.types).toEqual(['counted', 'noted']);
    expect([Counter.codec.versionOf('counted'), Counter.codec.versionOf('noted')]).toEqual([2, 1]);
    expect(Counter.codec.decode({ type: 'counted', schemaVersion: 1, data: { n: 3 } })).toEqual({
      type: 'counted',
      data: { by: 3 },
    });
  });

  it("when events are folded, then each goes to its type's entry", () => {
    const events: CountEvent[] = [
      { type: 'counted', data: { by: 2 } },
      { type: 'noted', data: { note: 'x' } },
      { type: 'counted', data: { by: 3 } },
    ];
    expect(events.reduce((state, event) => Counter.decider.evolve(state, event), Counter.decider.initialState)).toBe(5);
  });

  it('refuses, at compile time, a table that leaves out an event type', () => {
    // @ts-expect-error 'noted' has no entry
    const missing: Evolutions<CountEvent, number> = { counted: (state) => state };
    expect(Object.keys(missing)).toEqual(['counted']);
  });
});
