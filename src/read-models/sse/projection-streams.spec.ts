import type { MessageEvent } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { Projection } from '../../../projections/projection';
import type { EventStore } from '../../ledger/event-store.port';
import { systemClock } from '../../shared/clock';
import type { ProjectionFeed } from '../projection-feed';
import type { ProjectionRunner } from '../projection-runner';
import type { ReadModelStore } from '../read-model-store';
import { ProjectionStreams, type StreamSpec } from './projection-streams';
import { SseHeartbeat } from './sse-heartbeat';

/** An unsigned token with this exp: the stream only decodes it (AuthGuard has verified it). */
const bearer = (exp: number) =>
  `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u', exp })).toString('base64url')}.sig`;

const projection: Projection<{ n: number }> = {
  name: 'p',
  version: 1,
  canHandle: () => true,
  keysOf: () => ['k'],
  initialState: () => ({ n: 0 }),
  evolve: (d) => d,
};
const spec: StreamSpec<{ n: number }> = {
  projection,
  select: (_key, doc) => (doc.n > 0 ? { type: 'thing', data: doc } : undefined),
};

/** The stream over a change subject, an empty read-model store and the system clock (faked by jest). */
function setUp() {
  const changes = new Subject<ProjectionFeed<{ n: number }>>();
  const runner = { feedOf: () => changes } as unknown as ProjectionRunner;
  const store = { checkpoint: () => undefined, get: () => undefined } as unknown as ReadModelStore;
  const streams = new ProjectionStreams(runner, store, {} as EventStore, systemClock, new SseHeartbeat());
  return { changes, streams };
}

async function collect(
  streams: ProjectionStreams,
  headers: Record<string, string>,
  streamed: StreamSpec<{ n: number }> = spec,
) {
  const sent: MessageEvent[] = [];
  let completed = false;
  const sub = (await streams.open(streamed, { headers })).subscribe({
    next: (m) => sent.push(m),
    complete: () => (completed = true),
  });
  return { sent, isCompleted: () => completed, sub };
}

/**
 * A selection that waits for a store (shared personal-data keys): each document's selection resolves
 * only when the test calls `release[doc.n]()`, so the test decides the order selections finish in.
 */
function heldSelections() {
  const release: Record<number, () => void> = {};
  const held: StreamSpec<{ n: number }> = {
    projection,
    select: (_key, doc) =>
      new Promise((resolve) => {
        release[doc.n] = () => resolve({ type: 'thing', data: doc });
      }),
  };
  return { held, release };
}

/** Lets what the released selections resolve reach the stream: every pending microtask runs before setImmediate fires. */
const settled = () => new Promise((r) => setImmediate(r));

describe('ProjectionStreams: keepalive and token expiry', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('given a token with 60 s left, then documents flow and keepalives come every 15 s until exp, then auth-expired (with the last id) ends the stream', async () => {
    const { changes, streams } = setUp();
    const { sent, isCompleted } = await collect(streams, { authorization: bearer(Date.now() / 1000 + 60) });
    changes.next({ projection: 'p', key: 'k', doc: { n: 1 }, position: 7, lastAtPosition: true });
    changes.next({ projection: 'p', key: 'k', doc: { n: 0 }, position: 8, lastAtPosition: true }); // not selected: nothing sent
    jest.advanceTimersByTime(59_999);
    expect(sent).toEqual([
      { type: 'thing', data: { n: 1 }, id: '7' },
      { comment: 'keepalive' },
      { comment: 'keepalive' },
      { comment: 'keepalive' },
    ]);
    expect(isCompleted()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(sent.at(-1)).toEqual({
      type: 'auth-expired',
      id: '7',
      data: { code: 'auth-expired', title: expect.any(String), expiredAt: '2026-01-01T10:01:00.000Z' },
    });
    expect(isCompleted()).toBe(true);
    // Nothing after expiry, and no timer left behind.
    changes.next({ projection: 'p', key: 'k', doc: { n: 2 }, position: 9, lastAtPosition: true });
    expect(sent.filter((m) => m.type === 'thing')).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('given a token that has already expired, then the stream sends only auth-expired and ends', async () => {
    const { changes, streams } = setUp();
    const { sent, isCompleted } = await collect(streams, { authorization: bearer(Date.now() / 1000 - 1) });
    changes.next({ projection: 'p', key: 'k', doc: { n: 1 }, position: 7, lastAtPosition: true });
    expect(sent.map((m) => m.type)).toEqual(['auth-expired']);
    expect(isCompleted()).toBe(true);
  });

  it('given a token without exp, then the stream has no expiry timer, only the keepalive', async () => {
    const { streams } = setUp();
    const { sent, isCompleted, sub } = await collect(streams, {
      authorization: `Bearer ${Buffer.from('{}').toString('base64url')}.${Buffer.from('{"sub":"u"}').toString('base64url')}.x`,
    });
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(15_000);
    expect(sent).toEqual([{ comment: 'keepalive' }]);
    expect(isCompleted()).toBe(false);
    sub.unsubscribe();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('given the runner stops (its changes complete), then the stream ends and releases its timers', async () => {
    const { changes, streams } = setUp();
    const { isCompleted } = await collect(streams, { authorization: bearer(Date.now() / 1000 + 3600) });
    changes.complete();
    expect(isCompleted()).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('ProjectionStreams: one document sent as several events', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('given a document whose change re-sends others (an erasure), then all are sent in order and only the last carries its position as id', async () => {
    const { changes, streams } = setUp();
    const fanOut: StreamSpec<{ n: number }> = {
      projection,
      select: (_key, doc) =>
        doc.n === 0
          ? []
          : doc.n === 1
            ? { type: 'thing', data: doc }
            : [1, 2].map((i) => ({ type: 'thing', data: { i } })),
    };
    const { sent, sub } = await collect(streams, { authorization: bearer(Date.now() / 1000 + 3600) }, fanOut);
    changes.next({ projection: 'p', key: 'k', doc: { n: 1 }, position: 7, lastAtPosition: true });
    changes.next({ projection: 'p', key: 'k', doc: { n: 0 }, position: 8, lastAtPosition: true }); // selects none
    changes.next({ projection: 'p', key: 'k', doc: { n: 2 }, position: 9, lastAtPosition: true });
    expect(sent).toEqual([
      { type: 'thing', data: { n: 1 }, id: '7' },
      { type: 'thing', data: { i: 1 }, id: '7' },
      { type: 'thing', data: { i: 2 }, id: '9' },
    ]);
    sub.unsubscribe();
  });
});

describe('ProjectionStreams: selections that wait for a store (shared personal-data keys)', () => {
  it('given a slow selection followed by a quick one, then both are sent in commit order, each with its own id', async () => {
    const { changes, streams } = setUp();
    // The first document's selection is released last.
    const { held, release } = heldSelections();
    const { sent, sub } = await collect(streams, {}, held);
    changes.next({ projection: 'p', key: 'k', doc: { n: 1 }, position: 7, lastAtPosition: true });
    changes.next({ projection: 'p', key: 'k', doc: { n: 2 }, position: 9, lastAtPosition: true });
    release[2]();
    await settled();
    expect(sent).toEqual([]); // the second waits for the first
    release[1]();
    await settled();
    expect(sent).toEqual([
      { type: 'thing', data: { n: 1 }, id: '7' },
      { type: 'thing', data: { n: 2 }, id: '9' },
    ]);
    sub.unsubscribe();
  });
});

describe('ProjectionStreams: a blue-green switch-over', () => {
  const switchOver = (docs: [string, { n: number }][] | undefined, position = 12): ProjectionFeed<{ n: number }> => ({
    projection: 'p',
    switchedOver: { version: 2, docs: docs && new Map(docs) },
    position,
  });
  const reset = { type: 'reset', data: { code: 'reset', title: expect.any(String), version: 2 } };

  it('given a switch-over, then a reset and every document the endpoint shows follow, only the last with its position as id, then live changes', async () => {
    const { changes, streams } = setUp();
    const { sent, sub } = await collect(streams, {});
    changes.next({ projection: 'p', key: 'k', doc: { n: 1 }, position: 7, lastAtPosition: true });
    changes.next(
      switchOver([
        ['a', { n: 2 }],
        ['b', { n: 0 }], // not shown by the endpoint: not sent, so a client that dropped everything no longer has it
        ['c', { n: 3 }],
      ]),
    );
    changes.next({ projection: 'p', key: 'a', doc: { n: 4 }, position: 13, lastAtPosition: true });
    expect(sent).toEqual([
      { type: 'thing', data: { n: 1 }, id: '7' },
      { ...reset, id: '7' },
      { type: 'thing', data: { n: 2 }, id: '7' },
      { type: 'thing', data: { n: 3 }, id: '12' },
      { type: 'thing', data: { n: 4 }, id: '13' },
    ]);
    sub.unsubscribe();
  });

  it('given a switch-over to a version that shows nothing, then the reset alone carries its position', async () => {
    const { changes, streams } = setUp();
    const { sent, sub } = await collect(streams, {});
    changes.next(switchOver([['b', { n: 0 }]]));
    expect(sent).toEqual([{ ...reset, id: '12' }]);
    sub.unsubscribe();
  });

  it('given selections that wait for a store, then the reset keeps its place between the changes before and after it', async () => {
    const { changes, streams } = setUp();
    const { held, release } = heldSelections();
    const { sent, sub } = await collect(streams, {}, held);
    changes.next({ projection: 'p', key: 'k', doc: { n: 1 }, position: 7, lastAtPosition: true });
    changes.next(switchOver([['a', { n: 2 }]]));
    changes.next({ projection: 'p', key: 'a', doc: { n: 3 }, position: 13, lastAtPosition: true });
    release[3]();
    release[2]();
    await settled();
    expect(sent).toEqual([]); // all wait for the first
    release[1]();
    await settled();
    expect(sent).toEqual([
      { type: 'thing', data: { n: 1 }, id: '7' },
      { ...reset, id: '7' },
      { type: 'thing', data: { n: 2 }, id: '12' },
      { type: 'thing', data: { n: 3 }, id: '13' },
    ]);
    sub.unsubscribe();
  });

  it("given a switch-over whose documents could not be read, then the stream ends (the client's reconnect is sent the reset)", async () => {
    const { changes, streams } = setUp();
    const { sent, isCompleted } = await collect(streams, {});
    changes.next(switchOver(undefined));
    expect(sent).toEqual([]);
    expect(isCompleted()).toBe(true);
  });

  it('given a Last-Event-ID the store never returned, when the stream resumes, then the log is read after the last event at or before it, and what changed after the id is sent', async () => {
    // Given: a store that, as EventStoreDB does, refuses to read after a position it never returned (it returned 4 and 9).
    const changes = new Subject<ProjectionFeed<{ n: number }>>();
    const runner = { feedOf: () => changes } as unknown as ProjectionRunner;
    const store = {
      checkpoint: () => ({ version: 1, position: 9 }),
      replacedAt: () => undefined,
      get: () => ({ n: 1 }),
    } as unknown as ReadModelStore;
    const log = [{ position: 4 }, { position: 9 }];
    const events = {
      lastEventAtOrBefore: async (p: number) => log.filter((e) => e.position <= p).at(-1),
      readAll: async ({ after }: { after?: number }) => {
        if (after !== undefined && !log.some((e) => e.position === after)) throw new Error('invalid position');
        return log.filter((e) => after === undefined || e.position > after);
      },
    } as unknown as EventStore;
    const streams = new ProjectionStreams(runner, store, events, systemClock, new SseHeartbeat());

    // When: clients resume from 5 (between two events) and from 2 (before the first).
    const sent = async (id: string) => {
      const messages: MessageEvent[] = [];
      (await streams.open(spec, { headers: { 'last-event-id': id } })).subscribe((m) => messages.push(m)).unsubscribe();
      return messages;
    };

    // Then: each is sent the document as changed by the events after its id, with that event's position.
    expect(await sent('5')).toEqual([{ type: 'thing', data: { n: 1 }, id: '9' }]);
    expect(await sent('2')).toEqual([{ type: 'thing', data: { n: 1 }, id: '9' }]);
  });

  it('given a client resuming while the switch-over happens (during its read of the log), then it is sent the reset of the new version, then live changes', async () => {
    // Given: the served version at 10, and the resume's read of the log held until the test says.
    const changes = new Subject<ProjectionFeed<{ n: number }>>();
    const runner = { feedOf: () => changes } as unknown as ProjectionRunner;
    let served = { checkpoint: { version: 1, position: 10 }, replacedAt: undefined as number | undefined, docs: {} };
    const store = {
      checkpoint: () => served.checkpoint,
      replacedAt: () => served.replacedAt,
      get: (_p: string, key: string) => (served.docs as Record<string, { n: number }>)[key],
      *scan() {
        for (const [key, doc] of Object.entries(served.docs)) yield { key, doc };
      },
    } as unknown as ReadModelStore;
    let readLog: (() => void) | undefined;
    const events = {
      lastEventAtOrBefore: async (position: number) => ({ position }),
      readAll: () => new Promise((resolve) => (readLog = () => resolve([]))),
    } as unknown as EventStore;
    const streams = new ProjectionStreams(runner, store, events, systemClock, new SseHeartbeat());
    const opening = streams.open(spec, { headers: { 'last-event-id': '5' } });

    // When: version 2 switches over at 12 meanwhile, then a change follows at 13.
    served = { checkpoint: { version: 2, position: 12 }, replacedAt: 10, docs: { a: { n: 2 } } };
    changes.next(switchOver([['a', { n: 2 }]]));
    served = { ...served, checkpoint: { version: 2, position: 13 }, docs: { a: { n: 3 } } };
    changes.next({ projection: 'p', key: 'a', doc: { n: 3 }, position: 13, lastAtPosition: true });
    while (readLog === undefined) await new Promise((resolve) => setImmediate(resolve));
    readLog();
    const sent: MessageEvent[] = [];
    const sub = (await opening).subscribe((m) => sent.push(m));

    // Then: the new version's documents as they stand (the held change is in them), its last id 13.
    expect(sent).toEqual([
      { ...reset, id: '5' },
      { type: 'thing', data: { n: 3 }, id: '13' },
    ]);
    changes.next({ projection: 'p', key: 'a', doc: { n: 4 }, position: 14, lastAtPosition: true });
    expect(sent.at(-1)).toEqual({ type: 'thing', data: { n: 4 }, id: '14' });
    sub.unsubscribe();
  });
});
