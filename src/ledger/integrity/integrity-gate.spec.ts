import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { newEvents } from '../../../test/support/events';
import { loadConfig } from '../../config/app-config';
import { ManualClock } from '../../shared/clock';
import type { EventStore } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { FileVerifiedPointStore, MemoryVerifiedPointStore } from './integrity-gate-point';
import type { TailReport, TailVerifier } from './integrity-gate-tail';
import { IntegrityGate, LedgerIntegrityError } from './integrity-gate';

/** The store, counting every event its reads return: what a check costs, independent of the machine's speed. */
function counting(store: EventStore): { store: EventStore; read: () => number } {
  let read = 0;
  const counted = <T extends unknown[]>(events: T) => {
    read += events.length;
    return events;
  };
  return {
    read: () => read,
    store: {
      ...store,
      readAll: async (o) => counted(await store.readAll(o)),
      readStream: async (s, o) => counted(await store.readStream(s, o)),
    },
  };
}

describe('IntegrityGate', () => {
  let dir: string;
  let store: SqliteEventStore;
  const clock = new ManualClock(new Date('2023-03-01T10:00:00Z'));
  const config = () =>
    loadConfig({ LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: dir, INTEGRITY_CHECK_INTERVAL_MINUTES: '0' });
  const gateOn = (s: EventStore, verifier?: TailVerifier) =>
    new IntegrityGate(s, config(), clock, new FileVerifiedPointStore(dir), verifier);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'integrity-gate-'));
    store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') }, clock);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function fill(streams: number, each: number): Promise<void> {
    for (let i = 0; i < streams; i++) await store.append(`case-${i}`, newEvents(each), 'no_stream');
  }

  it("given a point verified by the first start, when the service starts again after 21 more events, then it reads those events, the point and each continued stream's previous event, not the log", async () => {
    await fill(20, 25); // 500 events
    const first = counting(store);
    await gateOn(first.store).ready();
    expect(first.read()).toBeGreaterThanOrEqual(500);

    await store.append('case-3', newEvents(10), 24);
    await store.append('case-7', newEvents(10), 24);
    await store.append('case-new', newEvents(1), 'no_stream');
    const second = counting(store);
    const gate = gateOn(second.store);
    await gate.ready();
    // 21 new events + the verified point read back + the events before the tail of case-3 and case-7.
    expect(second.read()).toBe(21 + 1 + 2);
    expect(gate.health()).toMatchObject({ status: 'up', lastCheck: { kind: 'start-up', ok: true, eventsChecked: 21 } });
    await gate.assertWritable();
  });

  describe('the tail after a verified point', () => {
    beforeEach(async () => {
      await fill(3, 4);
      await gateOn(store).ready(); // verified through the 12th event
      await store.append('case-1', newEvents(2), 3);
    });
    const tamper = (sql: string, ...params: unknown[]) => {
      const db = new Database(join(dir, 'ledger.sqlite'));
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    };

    it('given nothing changed, then the next start verifies and writes are allowed', async () => {
      const gate = gateOn(store);
      await gate.ready();
      await expect(gate.assertWritable()).resolves.toBeUndefined();
      expect(gate.verifiedNow).toBe(true);
    });

    it('given an event of the tail edited, then the start fails naming it and writes are refused', async () => {
      tamper("UPDATE events SET data = '{\"i\":99}' WHERE stream_id = 'case-1' AND revision = 5");
      const gate = gateOn(store);
      await gate.ready();
      await expect(gate.assertWritable()).rejects.toThrow(LedgerIntegrityError);
      await expect(gate.assertWritable()).rejects.toThrow(/stream case-1, revision 5.*does not match its hash/);
      expect(gate.health()).toMatchObject({
        status: 'down',
        reason: expect.stringContaining('ledger-integrity-failed'),
      });
      expect(gate.verifiedNow).toBe(false);
    });

    it("given the event before the tail deleted from its stream, then the tail's first event of that stream does not follow and the start fails", async () => {
      tamper("DELETE FROM events WHERE stream_id = 'case-1' AND revision = 3");
      const gate = gateOn(store);
      await gate.ready();
      await expect(gate.assertWritable()).rejects.toThrow(/stream case-1, revision 4.*does not follow revision none/);
    });
  });

  it('given the gate failed, when periodic rounds come, then it stays failed without verifying (or logging) again', async () => {
    let calls = 0;
    const failing: TailVerifier = async (): Promise<TailReport> => {
      calls++;
      return { ok: false, problems: ['forged'], eventsChecked: 1 };
    };
    const gate = new IntegrityGate(store, config(), clock, new MemoryVerifiedPointStore(), failing);
    await gate.ready();
    await gate.tick();
    await gate.tick();
    expect(calls).toBe(1);
    await expect(gate.assertWritable()).rejects.toThrow('forged');
  });

  it('given 25 problems, then answers name the first 20 and how many more; given 20, then all of them', async () => {
    const reasons = async (n: number) => {
      const verifier: TailVerifier = async () => ({
        ok: false,
        problems: Array.from({ length: n }, (_, i) => `problem ${i}`),
        eventsChecked: n,
      });
      const gate = new IntegrityGate(store, config(), clock, new MemoryVerifiedPointStore(), verifier);
      return (await gate.assertWritable().catch((e: LedgerIntegrityError) => e))!.reasons;
    };
    const many = await reasons(25);
    expect(many).toHaveLength(21);
    expect(many.at(-1)).toBe('and 5 more (npm run verify-store lists every one)');
    expect(await reasons(20)).toEqual(Array.from({ length: 20 }, (_, i) => `problem ${i}`));
  });

  it('given the store does not answer at start-up, then the ledger is unverified (degraded, answers marked) but not failed, until a periodic round verifies it', async () => {
    let down = true;
    const flaky: TailVerifier = async (): Promise<TailReport> => {
      if (down) throw new Error('event store unreachable');
      return { ok: true, problems: [], eventsChecked: 0 };
    };
    const gate = new IntegrityGate(store, config(), clock, new MemoryVerifiedPointStore(), flaky);
    await expect(gate.ready()).resolves.toEqual({ read: false });
    expect(gate.health()).toMatchObject({
      status: 'degraded',
      reason: expect.stringContaining('event store unreachable'),
    });
    expect(gate.verifiedNow).toBe(false);
    await expect(gate.assertWritable()).resolves.toBeUndefined();
    down = false;
    await gate.tick();
    expect(gate.verifiedNow).toBe(true);
    expect(gate.health()).toMatchObject({ status: 'up' });
  });
});
