import { EventStoreDBClient, FORWARDS } from '@eventstore/db-client';
import type { EsdbEventStore } from '../../src/ledger/esdb/esdb-event-store';
import { esdbTestStore } from '../support/esdb-test-store';
import { ManualClock } from '../../src/shared/clock';
import { newEvents } from '../support/events';
import { eventStoreContract } from './event-store.contract';
import { expectResumesInsideAppend } from './resume-inside-append';

/**
 * The shared contract against a REAL EventStoreDB, e.g. ESDB_CONNECTION_STRING=esdb://localhost:2113?tls=false
 * (the CI job in .github/workflows/ci.yml starts one as a service container). Without it this
 * file reports one skipped test that says why, instead of passing silently.
 */
const connectionString = process.env.ESDB_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract('EventStoreDB (real server)', async () => {
    const clock = new ManualClock();
    const store = esdbTestStore(connectionString, clock);
    return { store, clock, dispose: () => store.close() };
  });

  describe('EventStoreDB (real server): positions the protocol fake cannot vouch for', () => {
    let store: EsdbEventStore;
    beforeEach(() => {
      store = esdbTestStore(connectionString, new ManualClock());
    });
    afterEach(async () => {
      await store.close();
    });

    it('resumes $all reads and subscriptions from the middle of a multi-event append', async () => {
      const s = `mid-${process.pid}x${Date.now()}`;
      await store.append(s, newEvents(3), 'no_stream');
      const read = await store.readStream(s);
      expect(read[2].position).toBeGreaterThan(read[1].position);
      await expectResumesInsideAppend(store, s, read);
    });

    it('gives commit == prepare for an ordinary append, and refuses to read $all one byte into a record (what the protocol fake claims)', async () => {
      const s = `bytes-${process.pid}x${Date.now()}`;
      await store.append(s, newEvents(2), 'no_stream');
      const client = EventStoreDBClient.connectionString(connectionString);
      try {
        const [first] = await collect(client.readStream(s, { maxCount: 1 }));
        const { commit, prepare } = first.event!.position!;
        expect(commit).toBe(prepare);
        const inside = { commit: commit + 1n, prepare: prepare + 1n };
        await expect(
          collect(client.readAll({ fromPosition: inside, direction: FORWARDS, maxCount: 1 })),
        ).rejects.toThrow(/invalid position/i);
      } finally {
        await client.dispose();
      }
    });
  });

  async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const e of read) out.push(e);
    return out;
  }
} else {
  describe('EventStore contract: EventStoreDB (real server)', () => {
    it.skip('needs ESDB_CONNECTION_STRING: no EventStoreDB server can run on this machine', () => undefined);
  });
}
