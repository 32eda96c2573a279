import type { StoredEvent } from '../event-envelope';
import type { EventStore, ReadAllOptions } from '../event-store.port';
import { MemoryEventStore } from '../memory/memory-event-store';
import { ManualClock } from '../../shared/clock';
import { verifyStore, VERIFY_PAGE } from './verify-store';
import { numberedEvents as events } from './testing/numbered-events';

/** Serves a fixed (possibly tampered) log with the port's read semantics, as a damaged engine would. */
function storeOver(log: StoredEvent[]): EventStore {
  const unused = () => {
    throw new Error('not used by verifyStore');
  };
  return {
    readAll: async ({ after = -1, maxCount = Infinity }: ReadAllOptions = {}) =>
      log.filter((e) => e.position > after).slice(0, maxCount),
    readStream: async (streamId, { fromRevision = 0, maxCount = Infinity } = {}) =>
      log
        .filter((e) => e.streamId === streamId && e.revision >= fromRevision)
        .sort((x, y) => x.revision - y.revision)
        .slice(0, maxCount),
    append: unused,
    subscribe: unused,
    headPosition: unused,
    lastEventAtOrBefore: unused,
    ping: async () => {},
    close: async () => {},
  };
}

describe('verifyStore', () => {
  let store: MemoryEventStore;
  beforeEach(async () => {
    // given three streams written through the store, interleaved in the log
    store = new MemoryEventStore(new ManualClock());
    await store.append('case-1', events(4), 'no_stream');
    await store.append('case-2', events(3), 'no_stream');
    await store.append('case-1', events(3), 3);
    await store.append('meeting-1', events(2), 'no_stream');
  });

  it('verifies the whole log clean, page by page', async () => {
    // when verified with pages smaller than the log
    const report = await verifyStore(store, undefined, 3);
    // then every event and stream was checked
    expect(report).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 12, problems: [] });
  });

  it('verifies one stream on its own', async () => {
    expect(await verifyStore(store, 'case-1', 4)).toEqual({
      ok: true,
      streamsChecked: 1,
      eventsChecked: 7,
      problems: [],
    });
  });

  it('reads the log in pages of VERIFY_PAGE, each after the last position seen, never all at once', async () => {
    const readAll = jest.spyOn(store, 'readAll');
    await verifyStore(store);
    expect(readAll).toHaveBeenCalledTimes(1);
    expect(readAll).toHaveBeenCalledWith({ after: undefined, maxCount: VERIFY_PAGE });
    readAll.mockClear();
    await verifyStore(store, undefined, 5);
    expect(readAll.mock.calls.map(([o]) => o)).toEqual([
      { after: undefined, maxCount: 5 },
      { after: 4, maxCount: 5 },
      { after: 9, maxCount: 5 },
    ]);
  });

  it('names an altered event found on a later page', async () => {
    // given a log whose tenth event was altered
    const log = await store.readAll();
    (log[9].data as { i: number }).i = 99;
    // when verified in pages of 4
    const report = await verifyStore(storeOver(log), undefined, 4);
    // then the report names it
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'altered', eventId: log[9].id, streamId: log[9].streamId }),
    ]);
  });

  it('sees a removed event across a page boundary, whole log or one stream', async () => {
    // given case-1 revision 3 deleted from the log
    const full = await store.readAll();
    const removed = full.find((e) => e.streamId === 'case-1' && e.revision === 3)!;
    const log = full.filter((e) => e !== removed);
    const expected = expect.objectContaining({ kind: 'removed', streamId: 'case-1', revision: 4 });
    // then both walks name the event after the gap
    expect((await verifyStore(storeOver(log), undefined, 3)).problems).toEqual([expected]);
    expect((await verifyStore(storeOver(log), 'case-1', 3)).problems).toEqual([expected]);
  });

  it('reports an empty store as clean with nothing checked', async () => {
    expect(await verifyStore(new MemoryEventStore(new ManualClock()))).toEqual({
      ok: true,
      streamsChecked: 0,
      eventsChecked: 0,
      problems: [],
    });
  });
});
