import type { StoredEvent } from '../../src/ledger/event-envelope';
import { EVENT_REGISTRY } from '../../src/aggregates';
import { streamName } from '../../src/ledger/stream-name';
import { PROJECTIONS } from '../../src/read-models/projections.module';

/** An event of a type, on a stream of a category: all canHandle looks at. */
const eventOf = (category: string, type: string) =>
  ({ streamId: streamName(category, 'x1'), type, data: {} }) as unknown as StoredEvent;

/**
 * The compiler already refuses a handled-types table that misses a type of its aggregate's event
 * union (projections/subscription.ts); this checks the same from the other side, at run time, for
 * every projection the runner keeps: against the codecs the ledger actually decodes with.
 */
describe.each(PROJECTIONS.map((p) => [p.name, p] as const))('projection %s', (_, projection) => {
  it.each(projection.subscriptions.map((s) => [s.category, s] as const))(
    'given the %s codec, then every one of its event types is handled or explicitly ignored, and no other',
    (category, subscription) => {
      const codec = EVENT_REGISTRY.codecOf(category);
      expect(codec).toBeDefined();
      expect(Object.keys(subscription.types).sort()).toEqual([...codec!.types].sort());
      expect(Object.values(subscription.types).every((v) => v === 'handled' || v === 'ignored')).toBe(true);
    },
  );

  it('given any event of any category, when asked, then it handles exactly the types its subscriptions handle', () => {
    for (const category of EVENT_REGISTRY.categories)
      for (const type of EVENT_REGISTRY.codecOf(category)!.types) {
        const subscription = projection.subscriptions.find((s) => s.category === category);
        const expected = subscription?.types[type] === 'handled';
        expect({ category, type, handled: projection.canHandle(eventOf(category, type)) }).toEqual({
          category,
          type,
          handled: expected,
        });
      }
  });
});
