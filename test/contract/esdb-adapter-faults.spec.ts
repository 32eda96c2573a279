import { EventStoreDBClient } from '@eventstore/db-client';
import type { EsdbEventStore } from '../../src/ledger/esdb/esdb-event-store';
import { esdbTestStore } from '../support/esdb-test-store';
import { toEsdbEvent } from '../../src/ledger/esdb/esdb-mapping';
import { EventTooLargeError } from '../../src/ledger/errors';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { SubscriptionDroppedError } from '../../src/ledger/event-store.port';
import { ManualClock } from '../../src/shared/clock';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { newEvent, newEvents } from '../support/events';

/**
 * What the EventStoreDB adapter does when the server refuses or ends something, against the protocol
 * fake (test support) behaving as a real node: an append over MaxAppendSize, a subscription dropped
 * as too slow, a server that goes away under a live subscription.
 */
let seq = 0;
const stream = (category: string) => `${category}-${process.pid}x${++seq}x${Date.now()}`;

/** Pulls from an iterator until it rejects, with a generous deadline so a silent hang fails the test. */
async function drainUntilError(it: AsyncIterator<StoredEvent>, seen: StoredEvent[], ms = 60_000): Promise<unknown> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'hung'>((r) => {
      timer = setTimeout(() => r('hung'), Math.max(0, deadline - Date.now()));
    });
    try {
      const next = await Promise.race([it.next(), timeout]);
      if (next === 'hung') return 'hung';
      if (next.done) return 'ended silently';
      seen.push(next.value);
    } catch (err) {
      return err;
    } finally {
      clearTimeout(timer);
    }
  }
  return 'hung';
}

describe('EventStoreDB adapter on server refusals and drops (protocol fake, test support)', () => {
  let fake: EsdbProtocolFake;
  let store: EsdbEventStore;
  beforeEach(async () => {
    fake = await startEsdbProtocolFake({ batchAppend: true, slowConsumerLimit: 20 });
    store = esdbTestStore(fake.connectionString, new ManualClock());
  });
  afterEach(async () => {
    await store.close();
    await fake.stop();
  });

  it("given events over the server's 1 MiB MaxAppendSize, then the append is refused with event-too-large (413) and nothing is written", async () => {
    const s = stream('large');
    const err = await store
      .append(s, [newEvent('test-large', { text: 'x'.repeat(1_100_000) })], 'no_stream')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventTooLargeError);
    expect(err).toMatchObject({ status: 413, code: 'event-too-large', maxAppendSizeBytes: 1_048_576 });
    expect(await store.readStream(s)).toEqual([]);
    await expect(
      store.append(s, [newEvent('test-large', { text: 'x'.repeat(900_000) })], 'no_stream'),
    ).resolves.toMatchObject({ nextRevision: 0 });
  });

  it('given a consumer too slow for the server, then the iterator rejects with SubscriptionDroppedError, and resubscribing from the last position loses and repeats nothing', async () => {
    const s = stream('slowdrop');
    await store.append(s, newEvents(1), 'no_stream');
    const sub = store.subscribe({ filter: { streamCategories: ['slowdrop'] } });
    const it = sub[Symbol.asyncIterator]();
    const seen: StoredEvent[] = [(await it.next()).value as StoredEvent];
    // The consumer stops pulling while 300 large events are appended (by a plain client, for speed): the server drops it.
    const writer = EventStoreDBClient.connectionString(fake.connectionString);
    const integrity = { prevHash: '', hash: '' };
    for (let i = 1; i <= 300; i++) {
      const e = newEvent('test-slow', { i, pad: 'x'.repeat(8192) });
      await writer.appendToStream(s, [
        toEsdbEvent({
          ...e,
          streamId: s,
          revision: i,
          integrity,
          metadata: { ...e.metadata, recordedAt: '2022-05-10T10:00:00.000Z' },
        }),
      ]);
    }
    await writer.dispose();
    const err = await drainUntilError(it, seen);
    expect(err).toBeInstanceOf(SubscriptionDroppedError);
    expect((err as Error).message).toMatch(/Consumer too slow/);
    expect(seen.length).toBeLessThan(301);

    const resumed = store.subscribe({ after: seen.at(-1)!.position, filter: { streamCategories: ['slowdrop'] } });
    for await (const e of resumed) {
      seen.push(e);
      if (seen.length === 301) break;
    }
    expect(seen.map((e) => e.revision)).toEqual([...Array(301).keys()]);
  });

  it('given a position the adapter handed out (a page cursor), then lastEventAtOrBefore reads it with one forward read, not a scan', async () => {
    const s = stream('cursor');
    await store.append(s, newEvents(3), 'no_stream');
    const [, middle] = await store.readStream(s);
    await store.append(stream('cursor'), newEvents(5), 'no_stream');
    const before = fake.rpcCalls()['Streams.Read($all)'] ?? 0;
    expect(await store.lastEventAtOrBefore(middle.position)).toEqual(middle);
    expect((fake.rpcCalls()['Streams.Read($all)'] ?? 0) - before).toBe(1);
  });

  it('given a live subscription, when the server goes away, then next() rejects promptly instead of ending or hanging', async () => {
    const sub = store.subscribe({ filter: { streamCategories: ['gone'] } });
    const it = sub[Symbol.asyncIterator]();
    const pending = drainUntilError(it, []);
    // Live once the server holds the call: waited for, not assumed after 100 ms (a busy machine may
    // not have got there, and the test would then stop a server the subscription never reached).
    for (const end = Date.now() + 60_000; fake.liveSubscriptions() === 0 && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 5));
    expect(fake.liveSubscriptions()).toBe(1);
    await fake.stop();
    await expect(pending).resolves.toBeInstanceOf(SubscriptionDroppedError);
  });
});
