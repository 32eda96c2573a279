import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../src/ledger/event-store.port';
import { esdbTestStore } from '../support/esdb-test-store';
import {
  consistencyPath,
  eventLeafHash,
  inclusionPath,
  rootOfLeafHashes,
  toHex,
} from '../../src/ledger/integrity/merkle';
import { LogTreeFollower } from '../../src/ledger/log-tree/log-tree-follower';
import { LogTreeStore } from '../../src/ledger/log-tree/log-tree-store';
import { MemoryEventStore } from '../../src/ledger/memory/memory-event-store';
import { SqliteEventStore } from '../../src/ledger/sqlite/sqlite-event-store';
import { ManualClock } from '../../src/shared/clock';
import { startEsdbProtocolFake, type EsdbProtocolFake } from '../support/esdb-protocol-fake';
import { newEvents } from '../support/events';

/**
 * The log tree is one follower over the event-store port, so it must be the same tree whichever
 * engine holds the log: for each engine, the tree's head, roots and proofs equal RFC 9162's
 * recursive definitions over the events read back from that engine (positions opaque: EventStoreDB's
 * have gaps, and the tree indexes leaves by their order, never by position).
 */
interface Engine {
  name: string;
  open(dir: string): Promise<{ events: EventStore; treeFile: string; close: () => Promise<void> }>;
}

let fake: EsdbProtocolFake | undefined;
const engines: Engine[] = [
  {
    name: 'memory',
    open: async () => {
      const events = new MemoryEventStore(new ManualClock());
      return { events, treeFile: ':memory:', close: () => events.close() };
    },
  },
  {
    name: 'SQLite',
    open: async (dir) => {
      const events = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') }, new ManualClock());
      return { events, treeFile: join(dir, 'log-tree.sqlite'), close: () => events.close() };
    },
  },
  {
    name: 'EventStoreDB protocol fake',
    open: async (dir) => {
      fake = await startEsdbProtocolFake({ batchAppend: true });
      const events = esdbTestStore(fake.connectionString, new ManualClock());
      return {
        events,
        treeFile: join(dir, 'log-tree.sqlite'),
        close: async () => {
          await events.close();
          await fake!.stop();
        },
      };
    },
  },
];

describe.each(engines)('log tree over the $name engine', (engine) => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'log-tree-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given events appended across streams, before start, while following and after a restart, then head, roots and every proof equal the RFC definitions over the log read back', async () => {
    const { events, treeFile, close } = await engine.open(dir);
    const options = { batchSize: 4, batchMs: 5, waitMs: 60_000 };
    let store = new LogTreeStore(treeFile);
    let follower = new LogTreeFollower(events, store, options);
    try {
      await events.append('case-1', newEvents(3), 'no_stream');
      follower.start();
      await events.append('case-2', newEvents(6), 'no_stream');
      await events.append('meeting-1', newEvents(2), 'no_stream');
      await follower.head();
      if (treeFile !== ':memory:') {
        // A restart on the same tree file resumes from its checkpoint.
        await follower.stop();
        store.close();
        store = new LogTreeStore(treeFile);
        follower = new LogTreeFollower(events, store, options);
        follower.start();
      }
      await events.append('case-1', newEvents(4), 2);
      const head = await follower.head();

      const log = await events.readAll();
      const leaves = log.map(eventLeafHash);
      expect(head).toEqual({ size: 15, rootHash: toHex(rootOfLeafHashes(leaves)), lastPosition: log.at(-1)!.position });
      for (const [i, e] of log.entries()) {
        expect(await follower.leafIndexOf(e.position)).toBe(i);
        expect(await follower.inclusionProof(i, 15)).toEqual(inclusionPath(i, leaves).map(toHex));
        if (i < 13)
          expect(await follower.inclusionProof(i, 13)).toEqual(inclusionPath(i, leaves.slice(0, 13)).map(toHex));
      }
      for (let m = 0; m <= 15; m++) {
        expect(await follower.rootAt(m)).toBe(toHex(rootOfLeafHashes(leaves.slice(0, m))));
        expect(await follower.consistencyProof(m, 15)).toEqual(consistencyPath(m, leaves).map(toHex));
      }
      // head(upTo) for a position the log holds resolves at once, covering it.
      expect((await follower.head(log[4].position)).size).toBe(15);
    } finally {
      await follower.stop();
      store.close();
      await close();
    }
  });
});
