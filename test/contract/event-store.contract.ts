import type { EventStore } from '../../src/ledger/event-store.port';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../src/ledger/errors';
import { verifyEvents } from '../../src/ledger/integrity/chain-verifier';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { ManualClock } from '../../src/shared/clock';
import { newEvent, newEvents, testActor } from '../support/events';

export interface ContractFixture {
  store: EventStore;
  clock: ManualClock;
  dispose(): Promise<void>;
}

let seq = 0;
const stream = (category = 'case') => `${category}-${process.pid}x${++seq}x${Date.now()}`;

/** Takes `n` events from a subscription, with a timeout (a hang guard) so a missing event fails instead of hanging. */
async function take(iterable: AsyncIterable<StoredEvent>, n: number, ms = 60_000): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  const it = iterable[Symbol.asyncIterator]();
  const deadline = Date.now() + ms;
  while (out.length < n) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now()));
    });
    const next = await Promise.race([it.next(), timeout]).finally(() => clearTimeout(timer));
    if (next === 'timeout') throw new Error(`subscription delivered ${out.length} of ${n} events`);
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

/** One suite, every engine: memory, SQLite, the EventStoreDB protocol fake and a real EventStoreDB. */
export function eventStoreContract(engine: string, makeFixture: () => Promise<ContractFixture>): void {
  describe(`EventStore contract: ${engine}`, () => {
    let f: ContractFixture;
    beforeEach(async () => {
      f = await makeFixture();
    });
    afterEach(async () => {
      await f.dispose();
    });

    describe('append with an expected revision', () => {
      it('creates a stream with no_stream and returns the last revision and its global position', async () => {
        const s = stream();
        const result = await f.store.append(s, newEvents(3), 'no_stream');
        expect(result.nextRevision).toBe(2);
        const read = await f.store.readStream(s);
        expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(result.position).toBe(read[2].position);
      });

      it('refuses no_stream on an existing stream with a typed error carrying both revisions', async () => {
        const s = stream();
        await f.store.append(s, newEvents(2), 'no_stream');
        const err = await f.store.append(s, [newEvent()], 'no_stream').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(WrongExpectedRevisionError);
        expect(err).toMatchObject({ streamId: s, expected: 'no_stream', actual: 1 });
      });

      it('accepts the exact current revision and refuses a stale one', async () => {
        const s = stream();
        await f.store.append(s, newEvents(2), 'no_stream');
        await expect(f.store.append(s, [newEvent()], 1)).resolves.toMatchObject({ nextRevision: 2 });
        const err = await f.store.append(s, [newEvent()], 1).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(WrongExpectedRevisionError);
        expect(err).toMatchObject({ expected: 1, actual: 2 });
      });

      it('refuses an exact revision on a stream that does not exist', async () => {
        const err = await f.store.append(stream(), [newEvent()], 0).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(WrongExpectedRevisionError);
        expect(err).toMatchObject({ expected: 0, actual: 'no_stream' });
      });

      it('appends with any whatever the revision', async () => {
        const s = stream();
        await f.store.append(s, [newEvent()], 'any');
        await expect(f.store.append(s, [newEvent()], 'any')).resolves.toMatchObject({ nextRevision: 1 });
      });

      it('lets exactly one of 20 concurrent appends at the same revision win, losing and duplicating nothing', async () => {
        const s = stream();
        await f.store.append(s, [newEvent()], 'no_stream');
        const attempts = Array.from({ length: 20 }, (_, i) => f.store.append(s, [newEvent('test-raced', { i })], 0));
        const settled = await Promise.allSettled(attempts);
        const won = settled.filter((r) => r.status === 'fulfilled');
        const lost = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        for (const l of lost) expect(l.reason).toBeInstanceOf(WrongExpectedRevisionError);
        const events = await f.store.readStream(s);
        expect(events.map((e) => e.revision)).toEqual([0, 1]);
        expect(new Set(events.map((e) => e.id)).size).toBe(2);
      });
    });

    describe('idempotent append by event id', () => {
      it('returns the first result and writes nothing when the same events are retried', async () => {
        const s = stream();
        const batch = newEvents(3);
        const first = await f.store.append(s, batch, 'no_stream');
        const retry = await f.store.append(s, batch, 'no_stream');
        expect(retry).toEqual(first);
        expect(await f.store.readStream(s)).toHaveLength(3);
      });

      it('treats a retry as idempotent even after later appends moved the stream on', async () => {
        const s = stream();
        const batch = newEvents(2);
        const first = await f.store.append(s, batch, 'no_stream');
        await f.store.append(s, [newEvent()], 1);
        await expect(f.store.append(s, batch, 'no_stream')).resolves.toEqual(first);
        expect(await f.store.readStream(s)).toHaveLength(3);
      });

      it('refuses event ids reused in a different append', async () => {
        const s = stream();
        const [a, b] = newEvents(2);
        await f.store.append(s, [a], 'no_stream');
        await expect(f.store.append(s, [b, a], 0)).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await f.store.readStream(s)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads one stream forwards and backwards from a revision, with a maximum count', async () => {
        const s = stream();
        await f.store.append(s, newEvents(5), 'no_stream');
        expect((await f.store.readStream(s, { fromRevision: 2 })).map((e) => e.revision)).toEqual([2, 3, 4]);
        expect((await f.store.readStream(s, { fromRevision: 1, maxCount: 2 })).map((e) => e.revision)).toEqual([1, 2]);
        expect((await f.store.readStream(s, { direction: 'backwards' })).map((e) => e.revision)).toEqual([
          4, 3, 2, 1, 0,
        ]);
        expect(
          (await f.store.readStream(s, { direction: 'backwards', fromRevision: 3, maxCount: 2 })).map(
            (e) => e.revision,
          ),
        ).toEqual([3, 2]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await f.store.readStream(stream())).toEqual([]);
      });

      it('keeps the whole envelope: type, schema version, data, actor, business and recorded times', async () => {
        const s = stream();
        f.clock.set('2022-06-01T08:00:00.000Z');
        const e = newEvent(
          'meeting-scheduled',
          { title: 'Executive Board', amountPence: 2164900, nested: { a: [1, 'two', null] } },
          '2022-05-10T09:30:00.000Z',
        );
        await f.store.append(s, [e], 'no_stream');
        const [stored] = await f.store.readStream(s);
        expect(stored).toMatchObject({
          id: e.id,
          streamId: s,
          revision: 0,
          type: 'meeting-scheduled',
          schemaVersion: 1,
          data: e.data,
        });
        expect(stored.metadata).toEqual({ ...e.metadata, actor: testActor, recordedAt: '2022-06-01T08:00:00.000Z' });
        expect(stored.integrity.hash).toMatch(/^[0-9a-f]{64}$/);
      });

      it('reads the global log in order after a position, with strictly increasing positions', async () => {
        const [s1, s2] = [stream(), stream()];
        await f.store.append(s1, newEvents(2), 'no_stream');
        await f.store.append(s2, newEvents(2), 'no_stream');
        await f.store.append(s1, newEvents(1), 1);
        const all = await f.store.readAll();
        const mine = all.filter((e) => e.streamId === s1 || e.streamId === s2);
        expect(mine.map((e) => `${e.streamId === s1 ? 1 : 2}:${e.revision}`)).toEqual([
          '1:0',
          '1:1',
          '2:0',
          '2:1',
          '1:2',
        ]);
        for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
        const after = await f.store.readAll({ after: mine[1].position });
        expect(after.filter((e) => e.streamId === s1 || e.streamId === s2).map((e) => e.id)).toEqual(
          mine.slice(2).map((e) => e.id),
        );
        expect(await f.store.readAll({ after: mine[0].position, maxCount: 2 })).toHaveLength(2);
      });

      it('filters the global log by event-type prefix and by stream category', async () => {
        const tag = `t${++seq}${Date.now()}`;
        await f.store.append(
          stream(`${tag}a`),
          [newEvent('action-raised'), newEvent('decision-recorded')],
          'no_stream',
        );
        await f.store.append(stream(`${tag}b`), [newEvent('action-closed')], 'no_stream');
        const byType = await f.store.readAll({
          filter: { eventTypePrefixes: ['action-'], streamCategories: [`${tag}a`, `${tag}b`] },
        });
        expect(byType.map((e) => e.type)).toEqual(['action-raised', 'action-closed']);
        const byCategory = await f.store.readAll({ filter: { streamCategories: [`${tag}b`] } });
        expect(byCategory.map((e) => e.type)).toEqual(['action-closed']);
      });
    });

    describe('opaque positions: the head, and the last event at or before any number', () => {
      it('given appends, then headPosition is the position of the last event readAll returns', async () => {
        await f.store.append(stream(), newEvents(2), 'no_stream');
        const all = await f.store.readAll();
        expect(await f.store.headPosition()).toBe(all.at(-1)!.position);
        const { position } = await f.store.append(stream(), newEvents(1), 'no_stream');
        expect(await f.store.headPosition()).toBe(position);
      });

      it('given any number, then lastEventAtOrBefore answers the last event at or before it, whether or not it names one', async () => {
        const s = stream();
        await f.store.append(s, newEvents(3), 'no_stream');
        const [a, b, c] = await f.store.readStream(s);
        const at = async (p: number) => (await f.store.lastEventAtOrBefore(p))?.id;
        expect(await at(b.position)).toBe(b.id);
        expect(await at((a.position + b.position) / 2)).toBe(a.id); // between two events: the earlier one
        expect(await at((b.position + c.position) / 2)).toBe(b.id);
        expect(await at(Number.MAX_SAFE_INTEGER)).toBe((await f.store.readAll()).at(-1)!.id);
        expect(await f.store.lastEventAtOrBefore(-1)).toBeUndefined();
        expect(await f.store.lastEventAtOrBefore(b.position)).toEqual(b);
      });

      it('given the position lastEventAtOrBefore returned, then readAll resumes right after that event', async () => {
        const s = stream();
        await f.store.append(s, newEvents(3), 'no_stream');
        const [a, b] = await f.store.readStream(s);
        const from = await f.store.lastEventAtOrBefore((a.position + b.position) / 2);
        const [next] = await f.store.readAll({ after: from!.position, maxCount: 1 });
        expect(next.id).toBe(b.id);
      });
    });

    describe('tamper evidence', () => {
      it('chains each stream from its first event so the verifier passes on untouched data', async () => {
        const s = stream();
        await f.store.append(s, newEvents(2), 'no_stream');
        await f.store.append(s, newEvents(2), 1);
        const events = await f.store.readStream(s);
        for (let i = 1; i < events.length; i++) expect(events[i].integrity.prevHash).toBe(events[i - 1].integrity.hash);
        expect((await verifyEvents(events)).ok).toBe(true);
        expect((await verifyEvents(await f.store.readAll())).ok).toBe(true);
      });

      it('lets the verifier name an event whose data was changed after reading', async () => {
        const s = stream();
        await f.store.append(s, newEvents(3), 'no_stream');
        const events = await f.store.readStream(s);
        (events[1].data as { i: number }).i = 99;
        const report = await verifyEvents(events);
        expect(report.problems).toEqual([expect.objectContaining({ kind: 'altered', eventId: events[1].id })]);
      });
    });

    describe('catch-up subscription', () => {
      it('delivers history after the checkpoint, then live appends, in global order without gaps or duplicates', async () => {
        const s = stream('sub');
        await f.store.append(s, newEvents(3), 'no_stream');
        const [checkpoint] = await f.store.readStream(s);
        const sub = f.store.subscribe({ after: checkpoint.position, filter: { streamCategories: ['sub'] } });
        const history = await take(sub, 2);
        const live = take(sub, 3);
        await f.store.append(s, newEvents(3), 2);
        const got = [...history, ...(await live)].filter((e) => e.streamId === s);
        await sub.close();
        expect(got.map((e) => e.revision)).toEqual([1, 2, 3, 4, 5]);
      });

      it('holds back while the consumer is slow, and ends cleanly on close', async () => {
        const s = stream('slow');
        await f.store.append(s, newEvents(20), 'no_stream');
        const sub = f.store.subscribe({ filter: { streamCategories: ['slow'] } });
        const seen: number[] = [];
        const consumer = (async () => {
          for await (const e of sub) {
            if (e.streamId !== s) continue;
            seen.push(e.revision);
            await new Promise((r) => setTimeout(r, 5));
            if (seen.length === 10) await sub.close();
          }
        })();
        await expect(consumer).resolves.toBeUndefined();
        expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });
    });

    it('answers a ping', async () => {
      await expect(f.store.ping()).resolves.toBeUndefined();
    });
  });
}
