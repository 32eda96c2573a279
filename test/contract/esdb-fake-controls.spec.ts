import type { EsdbEventStore } from '../../src/ledger/esdb/esdb-event-store';
import { esdbTestStore } from '../support/esdb-test-store';
import { ManualClock } from '../../src/shared/clock';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { newEvents } from '../support/events';

/** Polls `attempt` every 20 ms until it resolves (generous limit: a busy machine is only slower). */
async function eventually<T>(attempt: () => Promise<T>, limitMs = 60_000): Promise<T> {
  for (const end = Date.now() + limitMs; ;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** The protocol fake's fault controls (test support), through the real client and our adapter. */
describe('EventStoreDB protocol fake fault controls (test support)', () => {
  let fake: EsdbProtocolFake;
  let store: EsdbEventStore;
  beforeEach(async () => {
    fake = await startEsdbProtocolFake({ batchAppend: true });
    store = esdbTestStore(fake.connectionString, new ManualClock());
  });
  afterEach(async () => {
    await store.close();
    await fake.stop();
  });

  it('given a stopped server, then calls fail; when restarted on the same port, then the same client works again and the log is intact', async () => {
    const first = await store.append('case-1', newEvents(2), 'no_stream');
    await fake.stop();
    await expect(store.append('case-2', newEvents(1), 'no_stream')).rejects.toThrow(/unavailable|connect|14/i);
    await fake.restart();
    const second = await eventually(() => store.append('case-2', newEvents(1), 'no_stream'));
    expect(second.position).toBeGreaterThan(first.position);
    expect((await store.readAll()).map((e) => e.streamId)).toEqual(['case-1', 'case-1', 'case-2']);
  });

  it('given live subscriptions, when the server drops them, then each consumer sees an error and the server keeps serving', async () => {
    await store.append('case-1', newEvents(1), 'no_stream');
    const subscription = store.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ streamId: 'case-1' });
    await eventually(async () => {
      if (fake.liveSubscriptions() !== 1) throw new Error('not live yet');
    });
    expect(fake.dropSubscriptions()).toBe(1);
    await expect(iterator.next()).rejects.toThrow(/dropped/i);
    expect(fake.liveSubscriptions()).toBe(0);
    await subscription.close();
    const again = store.subscribe();
    expect((await again[Symbol.asyncIterator]().next()).value).toMatchObject({ streamId: 'case-1' });
    await again.close();
  });
});
