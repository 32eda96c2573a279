import type { EsdbEventStore } from '../../src/ledger/esdb/esdb-event-store';
import { esdbTestStore } from '../support/esdb-test-store';
import { ManualClock } from '../../src/shared/clock';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { newEvents } from '../support/events';
import { eventStoreContract } from './event-store.contract';
import { expectResumesInsideAppend } from './resume-inside-append';

/**
 * The shared contract through the REAL @eventstore/db-client and EsdbEventStore, against the
 * in-process gRPC PROTOCOL FAKE (test support, NOT EventStoreDB — see
 * test/support/esdb-protocol-fake/index.ts for what it does not reproduce), once per append path
 * the client can take: it asks ServerFeatures.GetSupportedMethods at connect and uses
 * Streams.BatchAppend only when the server advertises it, Streams.Append otherwise.
 */
const modes = [
  { name: 'advertising BatchAppend', batchAppend: true, used: 'Streams.BatchAppend(batch)', unused: 'Streams.Append' },
  {
    name: 'not advertising BatchAppend (Streams.Append)',
    batchAppend: false,
    used: 'Streams.Append',
    unused: 'Streams.BatchAppend',
  },
] as const;

let seq = 0;
const stream = (category: string) => `${category}-${process.pid}x${++seq}x${Date.now()}`;
const isSystem = (streamName: string, type: string) => streamName.startsWith('$') || type.startsWith('$');

for (const mode of modes) {
  describe(`EventStoreDB protocol fake (test support), ${mode.name}`, () => {
    let fake: EsdbProtocolFake;
    const open: EsdbEventStore[] = [];
    const connect = () => {
      const store = esdbTestStore(fake.connectionString, new ManualClock());
      open.push(store);
      return store;
    };

    beforeAll(async () => {
      fake = await startEsdbProtocolFake({ batchAppend: mode.batchAppend });
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });
    afterAll(async () => {
      await fake.stop();
    });

    eventStoreContract(`EventStoreDB protocol fake (test support), ${mode.name}`, async () => {
      const clock = new ManualClock();
      const store = esdbTestStore(fake.connectionString, clock);
      return { store, clock, dispose: () => store.close() };
    });

    describe('EventStoreDB protocol fake (test support): wire path and log shape', () => {
      it(`appends through ${mode.used} only, after asking ServerFeatures.GetSupportedMethods`, async () => {
        const before = fake.rpcCalls();
        const store = connect();
        await store.append(stream('path'), newEvents(3), 'no_stream');
        await store.append(stream('path'), newEvents(1), 'any');
        const after = fake.rpcCalls();
        const delta = (rpc: string) => (after[rpc] ?? 0) - (before[rpc] ?? 0);
        expect(delta('ServerFeatures.GetSupportedMethods')).toBe(1);
        expect(delta(mode.used)).toBe(2);
        expect(delta(mode.unused)).toBe(0);
        // Over everything this fake served so far (the whole contract run above included):
        expect(after[mode.unused] ?? 0).toBe(0);
        expect(after[mode.used]).toBeGreaterThan(2);
      });

      it('skips the $-stream and $-type system events the fake interleaves in $all', async () => {
        const store = connect();
        await store.append(stream('noise'), newEvents(2), 'no_stream');
        await store.append(stream('noise'), newEvents(2), 'no_stream');
        const raw = fake.log.all;
        expect(raw.some((e) => e.streamName.startsWith('$'))).toBe(true);
        expect(raw.some((e) => !e.streamName.startsWith('$') && e.type.startsWith('$'))).toBe(true);
        const firstUser = raw.findIndex((e) => !isSystem(e.streamName, e.type));
        expect(raw.slice(firstUser).some((e) => isSystem(e.streamName, e.type))).toBe(true); // between user events
        const all = await store.readAll();
        expect(all.some((e) => isSystem(e.streamId, e.type))).toBe(false);
        expect(all.map((e) => e.id)).toEqual(raw.filter((e) => !isSystem(e.streamName, e.type)).map((e) => e.id));
        expect(await store.readAll({ after: all[0].position, maxCount: 3 })).toEqual(all.slice(1, 4));
      });

      it("given an ordinary append, then positions are the records' byte offsets: commit == prepare, gapped, past 4096", async () => {
        const store = connect();
        const s = stream('mid');
        await store.append(s, newEvents(3), 'no_stream');
        const read = await store.readStream(s);
        const logged = fake.log.stream(s)!;
        expect(read.map((e) => e.position)).toEqual(logged.map((e) => Number(e.preparePosition)));
        expect(logged.every((e) => e.commitPosition === e.preparePosition)).toBe(true);
        expect(read[0].position).toBeGreaterThan(4096);
        expect(fake.log.isReadablePosition(BigInt(read[1].position - 1), BigInt(read[1].position - 1))).toBe(false);
        await expectResumesInsideAppend(store, s, read);
      });

      it("re-reads and re-seals 'any' appends that lose a race, so the chain never forks", async () => {
        const store = connect();
        const s = stream('race');
        await Promise.all(Array.from({ length: 8 }, () => store.append(s, newEvents(2), 'any')));
        const events = await store.readStream(s);
        expect(events.map((e) => e.revision)).toEqual([...Array(16).keys()]);
        for (let i = 1; i < events.length; i++) expect(events[i].integrity.prevHash).toBe(events[i - 1].integrity.hash);
      });

      it('ends a pending next() when the subscription is closed from outside', async () => {
        const store = connect();
        const sub = store.subscribe({ filter: { streamCategories: [`quiet${Date.now()}`] } });
        const pending = sub[Symbol.asyncIterator]().next();
        await new Promise((r) => setTimeout(r, 50));
        await sub.close();
        await expect(pending).resolves.toEqual({ done: true, value: undefined });
      });
    });
  });
}
