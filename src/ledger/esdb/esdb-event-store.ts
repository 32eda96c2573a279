import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type Position,
  type ReadAllOptions as EsdbReadAllOptions,
} from '@eventstore/db-client';
import type { Clock } from '../../shared/clock';
import type { NewEvent, StoredEvent } from '../event-envelope';
import { EventTooLargeError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { findPriorAppend } from '../idempotency';
import { NEW_STREAM_TAIL, sealEvents } from '../integrity/hash-chain';
import { matchesFilter } from '../log-filter';
import { classifyStoreError, StoreUnavailableError } from '../store-errors';
import { fromEsdbEvent, fromPositionOf, isSystemEvent, toEsdbEvent, toSafeNumber } from './esdb-mapping';
import { collectWithin, withinDeadline } from './esdb-deadline';
import { EsdbSubscription } from './esdb-subscription';
import { ReturnedPositions } from './returned-positions';

/**
 * Idempotency bound: a retried append is recognised when its events are among the last
 * IDEMPOTENCY_WINDOW events of the stream (read backwards from the tail on every append). A
 * retry older than that is not recognised by the adapter; EventStoreDB's own id check does not
 * help then either, because the adapter appends at the current tail revision. Ledger streams
 * (one meeting, one case) are far shorter than this.
 */
export const IDEMPOTENCY_WINDOW = 1000;
/** 'any' appends re-read the tail and re-seal after a concurrent write, at most this many times. */
const ANY_ATTEMPTS = 10;
/** $all is read in pages of this many raw events (system events included) while filtering client-side. */
const READ_ALL_PAGE = 500;
/** The head is usually the last record or a few system records before it. */
const HEAD_PAGE = 32;

/** EventStoreDB engine over the gRPC client; passes the shared contract suite. */
type ReadAllPageOptions = Pick<EsdbReadAllOptions, 'fromPosition' | 'direction' | 'maxCount'>;

export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private readonly returned = new ReturnedPositions();

  /** deadlineMs (STORE_DEADLINE_MS) is every call's gRPC deadline, also the client's own calls (server features). */
  constructor(
    connectionString: string,
    private readonly clock: Clock,
    private readonly deadlineMs = 5000,
  ) {
    this.client = EventStoreDBClient.connectionString(withDefaultDeadline(connectionString, deadlineMs));
  }

  /**
   * Read the tail window, answer a retry from it, check the caller's expectation, seal from the
   * tail, then append with expected revision = the tail we read (for 'any' too), so a concurrent
   * writer makes ESDB refuse instead of forking the hash chain. Only 'any' retries a conflict.
   */
  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // Reads skip system events, so a $-named stream or type would be written and never read back.
    const reserved = isSystemEvent(streamId, '') ? streamId : events.find((e) => isSystemEvent('', e.type))?.type;
    if (reserved !== undefined)
      throw new Error(`'${reserved}': names starting with '$' are reserved for EventStoreDB system events`);
    for (let attempt = 1; ; attempt++) {
      const recent = await this.readEvents(streamId, { direction: 'backwards', maxCount: IDEMPOTENCY_WINDOW });
      const prior = findPriorAppend(recent, events);
      if (prior) return prior;
      const tail = recent[0];
      const actual = tail ? tail.revision : 'no_stream';
      if (expected === 'no_stream' ? actual !== 'no_stream' : expected !== 'any' && expected !== actual) {
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      }
      if (events.length === 0) return { nextRevision: tail?.revision ?? -1, position: tail?.position ?? -1 };
      const from = tail ? { revision: tail.revision, hash: tail.integrity.hash } : NEW_STREAM_TAIL;
      const sealed = sealEvents(streamId, events, from, this.clock.now().toISOString());
      try {
        const result = await withinDeadline(
          this.client.appendToStream(streamId, sealed.map(toEsdbEvent), {
            expectedRevision: tail ? BigInt(tail.revision) : NO_STREAM,
            deadline: this.deadlineMs,
          }),
          this.deadlineMs,
          `an append to ${streamId}`,
        );
        // Acknowledged: if reading it back fails now, the write is recorded but the caller cannot be told where.
        return await this.resultAt(streamId, toSafeNumber(result.nextExpectedRevision, 'revision')).catch((e) => {
          throw outcomeUnknown(e);
        });
      } catch (err) {
        if (err instanceof MaxAppendSizeExceededError) throw new EventTooLargeError(streamId, err.maxAppendSize);
        if (!(err instanceof WrongExpectedVersionError))
          throw classifyStoreError(err, 'event-store', { writing: true });
        if (expected === 'any' && attempt < ANY_ATTEMPTS) continue;
        const current = err.actualVersion;
        throw new WrongExpectedRevisionError(
          streamId,
          expected,
          typeof current === 'bigint' ? toSafeNumber(current, 'revision') : 'no_stream',
        );
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    let events = await this.readEvents(streamId, options);
    // Backwards from a revision past the end: start at the end, as the other engines do.
    if (!events.length && options.direction === 'backwards' && options.fromRevision !== undefined) {
      const [tail] = await this.readEvents(streamId, { direction: 'backwards', maxCount: 1 });
      if (tail && tail.revision < options.fromRevision)
        events = await this.readEvents(streamId, { ...options, fromRevision: tail.revision });
    }
    return events.map((e) => this.handOut(e));
  }

  /**
   * $all in order, strictly after `after`. The first page starts AT `after` (fromPositionOf: the
   * pair the server gave for that event), every later page at the last record the server returned
   * (system records included), so only server positions are ever sent. Forwards reads include their
   * start, so every record at or before the cursor is dropped; system events are skipped and the
   * shared filter applied client-side (this client cannot filter reads).
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const max = options.maxCount ?? Infinity;
    const out: StoredEvent[] = [];
    let from: Position | typeof START = options.after === undefined ? START : fromPositionOf(options.after);
    let cursor = options.after === undefined ? undefined : BigInt(options.after);
    while (out.length < max) {
      const page: AllStreamResolvedEvent[] = await this.readAllPage({
        fromPosition: from,
        direction: FORWARDS,
        maxCount: READ_ALL_PAGE,
      });
      let advanced = false;
      for (const { event: recorded } of page) {
        if (!recorded?.position) continue;
        if (cursor !== undefined && recorded.position.prepare <= cursor) continue;
        cursor = recorded.position.prepare;
        from = recorded.position;
        advanced = true;
        const event = fromEsdbEvent(recorded);
        if (event && matchesFilter(event, options.filter)) out.push(this.handOut(event));
        if (out.length >= max) break;
      }
      if (page.length < READ_ALL_PAGE) break;
      if (!advanced)
        throw new Error(
          `EventStoreDB returned a full page of $all at or before position ${cursor}; positions are not increasing`,
        );
    }
    return out;
  }

  async headPosition(): Promise<number | undefined> {
    for await (const event of this.backwardsFromEnd(HEAD_PAGE)) return this.handOut(event).position;
    return undefined;
  }

  /**
   * A position this adapter handed out is read forwards from (one read). Any other number is never
   * sent (it may name no record, and a real node refuses those): $all is read backwards from its
   * end to the first event at or before it, so that cost grows with the events after it.
   */
  async lastEventAtOrBefore(position: number): Promise<StoredEvent | undefined> {
    if (this.returned.has(position)) {
      const [at] = await this.readAllPage({ fromPosition: fromPositionOf(position), direction: FORWARDS, maxCount: 1 });
      const event = fromEsdbEvent(at?.event);
      if (event?.position === position) return event;
    }
    for await (const event of this.backwardsFromEnd(READ_ALL_PAGE))
      if (event.position <= position) return this.handOut(event);
    return undefined;
  }

  /** Ledger events from the end of $all backwards, paging from the last record each page returned. */
  private async *backwardsFromEnd(pageSize: number): AsyncGenerator<StoredEvent> {
    let from: Position | typeof END = END;
    for (;;) {
      const page = await this.readAllPage({ fromPosition: from, direction: BACKWARDS, maxCount: pageSize });
      for (const { event: recorded } of page) {
        if (!recorded?.position) continue;
        from = recorded.position; // backwards reads exclude their start: the next page begins before it
        const event = fromEsdbEvent(recorded);
        if (event) yield event;
      }
      if (page.length < pageSize) return;
    }
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const subscription = new EsdbSubscription(
      this.client,
      options,
      (s) => this.subscriptions.delete(s),
      (e) => this.handOut(e),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    await this.readAllPage({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
  }

  /** One page of $all, within the deadline; a fault is a store fault (StoreUnavailableError). */
  private readAllPage(options: ReadAllPageOptions): Promise<AllStreamResolvedEvent[]> {
    return collectWithin(this.client.readAll(options), this.deadlineMs, 'a read of $all').catch((e) => {
      throw classifyStoreError(e, 'event-store', { writing: false });
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  /** The stored event at `revision`, read back for its prepare position (see below). */
  private async resultAt(streamId: string, revision: number): Promise<AppendResult> {
    // The append response's position is not used: its commit/prepare pair for a multi-event or
    // idempotent write is not documented as "the last event's prepare position", and an
    // idempotent write may carry none. Reading the event back gives exactly what reads return.
    const [last] = await this.readEvents(streamId, { fromRevision: revision, maxCount: 1 });
    if (!last || last.revision !== revision)
      throw new Error(`EventStoreDB acknowledged ${streamId}@${revision} but it cannot be read back`);
    return { nextRevision: last.revision, position: this.handOut(last).position };
  }

  private async readEvents(streamId: string, o: ReadStreamOptions): Promise<StoredEvent[]> {
    if (o.maxCount !== undefined && o.maxCount <= 0) return [];
    const backwards = o.direction === 'backwards';
    try {
      const read = await collectWithin(
        this.client.readStream(streamId, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: o.fromRevision === undefined ? (backwards ? END : START) : BigInt(o.fromRevision),
          maxCount: o.maxCount ?? Number.MAX_SAFE_INTEGER,
        }),
        this.deadlineMs,
        `a read of ${streamId}`,
      );
      return read.map((r) => fromEsdbEvent(r.event)).filter((e): e is StoredEvent => e !== undefined);
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw classifyStoreError(err, 'event-store', { writing: false });
    }
  }

  private handOut(event: StoredEvent): StoredEvent {
    this.returned.note(event.position);
    return event;
  }
}

/** The client's own calls (e.g. asking the server's features on connect) get the deadline too, unless the string sets one. */
function withDefaultDeadline(connectionString: string, deadlineMs: number): string {
  if (/[?&]default-?deadline=/i.test(connectionString)) return connectionString;
  return `${connectionString}${connectionString.includes('?') ? '&' : '?'}defaultDeadline=${deadlineMs}`;
}

/** A fault after the server acknowledged a write: it is recorded, the caller just cannot be told so. */
function outcomeUnknown(err: unknown): unknown {
  const e = classifyStoreError(err, 'event-store', { writing: true });
  return e instanceof StoreUnavailableError && !e.outcomeUnknown
    ? new StoreUnavailableError(e.code, e.part, true, e.cause)
    : e;
}
