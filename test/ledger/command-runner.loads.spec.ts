import type { Aggregate, DomainCommand } from '../../src/ledger/aggregate';
import { CommandRunner } from '../../src/ledger/command-runner';
import type { EventStore, ReadStreamOptions } from '../../src/ledger/event-store.port';
import { eventCodec, v1 } from '../../src/ledger/event-codec';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { ManualClock } from '../../src/shared/clock';
import type { DomainEvent } from '../../src/shared/decider';
import { RuleViolation } from '../../src/shared/domain-errors';

/** A counter that refuses to pass its cap: a decision that depends on every event of the stream. */
type Add = DomainCommand<'add', { n: number; cap: number }>;
type Added = DomainEvent<'added', { n: number }>;
const Counter: Aggregate<Add, Added, { total: number }> = {
  category: 'counter',
  name: 'Counter',
  codec: eventCodec<Added>(v1('added')),
  decider: {
    initialState: { total: 0 },
    evolve: (s, e) => ({ total: s.total + e.data.n }),
    decide: (c, s) => {
      if (s.total + c.data.n > c.data.cap) throw new RuleViolation('over-cap', 'over the cap', {});
      return [{ type: 'added', data: { n: c.data.n } }];
    },
  },
};
const ctx = { actor: { userId: 'u', role: 'business-manager', agency: 'a' }, correlationId: 'c' };
const add = (n: number, cap = 1_000) => ({ type: 'add' as const, data: { n, cap } });

/** Delegates to whichever store is current, and records what each stream read asked for. */
function recording(initial: EventStore) {
  const reads: (ReadStreamOptions | undefined)[] = [];
  const wrapper = {
    current: initial,
    reads,
    store: new Proxy({} as EventStore, {
      get: (_, name: keyof EventStore) =>
        name === 'readStream'
          ? (s: string, o?: ReadStreamOptions) => (reads.push(o), wrapper.current.readStream(s, o))
          : (wrapper.current[name] as (...a: unknown[]) => unknown).bind(wrapper.current),
    }),
  };
  return wrapper;
}

describe('CommandRunner: aggregate loads from the cached fold plus the stream tail', () => {
  const clock = new ManualClock(new Date('2022-05-10T10:00:00Z'));

  it('given a long stream already folded, when a command runs, then only the events after the cached revision are read', async () => {
    const rec = recording(new MemoryEventStore(clock));
    const runner = new CommandRunner(rec.store, clock);
    for (let i = 0; i < 50; i++) await runner.run(Counter, 'c1', add(1), ctx);
    rec.reads.length = 0;
    await expect(runner.run(Counter, 'c1', add(1, 51), ctx)).resolves.toMatchObject({ revision: 50 });
    // The fold was cached when the previous command loaded (revision 48): only that command's event is read.
    expect(rec.reads).toEqual([{ fromRevision: 49 }]);
    await expect(runner.run(Counter, 'c1', add(1, 51), ctx)).rejects.toMatchObject({ code: 'over-cap' });
  });

  it('given another process appended since the fold, when a command runs, then it decides on the state including that event', async () => {
    const store = new MemoryEventStore(clock);
    const [here, elsewhere] = [new CommandRunner(store, clock), new CommandRunner(store, clock)];
    await here.run(Counter, 'c1', add(8), ctx);
    await elsewhere.run(Counter, 'c1', add(2), ctx);
    await expect(here.run(Counter, 'c1', add(1, 10), ctx)).rejects.toMatchObject({ code: 'over-cap' });
    expect((await here.load(Counter, 'c1')).state.total).toBe(10);
  });

  it('given a cached fold ahead of the stream (a ledger restored from an older copy), then the expected revision refuses the write and the retry reads the stream whole', async () => {
    const rec = recording(new MemoryEventStore(clock));
    const runner = new CommandRunner(rec.store, clock);
    for (const n of [5, 5, 5]) await runner.run(Counter, 'c1', add(n), ctx);
    const older = new MemoryEventStore(clock);
    await new CommandRunner(older, clock).run(Counter, 'c1', add(1), ctx);
    rec.current = older;
    rec.reads.length = 0;
    await expect(runner.run(Counter, 'c1', add(2), ctx)).resolves.toMatchObject({ revision: 1 });
    expect(rec.reads).toEqual([{ fromRevision: 2 }, undefined]);
    expect((await older.readStream('counter-c1')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('given an Idempotency-Key, when a command is retried, then the stream is read whole to find the recorded write', async () => {
    const rec = recording(new MemoryEventStore(clock));
    const runner = new CommandRunner(rec.store, clock);
    const keyed = { ...ctx, idempotencyKey: 'k1' };
    const first = await runner.run(Counter, 'c1', add(3), keyed);
    await runner.run(Counter, 'c1', add(4), ctx);
    rec.reads.length = 0;
    await expect(runner.run(Counter, 'c1', add(3), keyed)).resolves.toEqual(first);
    expect(rec.reads).toEqual([undefined]);
  });
});
