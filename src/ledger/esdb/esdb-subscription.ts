import {
  START,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import type { StoredEvent } from '../event-envelope';
import { SubscriptionDroppedError, type SubscribeOptions, type Subscription } from '../event-store.port';
import { matchesFilter } from '../log-filter';
import { classifyStoreError } from '../store-errors';
import { fromEsdbEvent, fromPositionOf, serverFilterFor } from './esdb-mapping';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A catch-up subscription to $all (client.subscribeToAll from the checkpoint, with a server-side
 * pre-filter), exposed as one shared async iterator.
 *
 * - Order, no gap, no duplicate: the server delivers $all in log order from the checkpoint;
 *   every event at or before the last delivered position (initially the checkpoint) is dropped,
 *   system events are skipped and matchesFilter is applied client-side.
 * - Back-pressure: the client's subscription is an object-mode stream piped from the gRPC call;
 *   nothing is pulled until the consumer asks for the next event, so the stream buffer fills,
 *   the gRPC call pauses and HTTP/2 flow control holds the server back.
 * - It never waits for 'caught-up' messages (older servers do not send them) and ignores
 *   checkpoints.
 * - close() (or breaking out of for-await) cancels the gRPC call and ends the iteration, also
 *   when called from inside the consumer's loop body. Only close() ends it.
 * - Anything else that ends it (the server drops a slow consumer, restarts or changes leader, the
 *   connection is lost, or the call just ends) rejects next() with a SubscriptionDroppedError,
 *   once the events received before it are consumed: never a silent end or hang. The consumer
 *   resubscribes from its last checkpoint (we do not silently reconnect); every position this
 *   iterator returned is a valid `after`.
 */
export class EsdbSubscription implements Subscription, AsyncIterator<StoredEvent> {
  private readonly source: AllStreamSubscription;
  private readonly events: AsyncIterator<AllStreamResolvedEvent>;
  private cursor: number | undefined;
  private closed = false;
  private signalClosed!: () => void;
  private readonly closedSignal = new Promise<typeof DONE>((resolve) => {
    this.signalClosed = () => resolve(DONE);
  });

  constructor(
    client: EventStoreDBClient,
    private readonly options: SubscribeOptions,
    private readonly onClose: (s: EsdbSubscription) => void,
    private readonly handOut: (e: StoredEvent) => StoredEvent = (e) => e,
  ) {
    this.cursor = options.after;
    this.source = client.subscribeToAll({
      fromPosition: options.after === undefined ? START : fromPositionOf(options.after),
      filter: serverFilterFor(options.filter),
    });
    // Errors before the consumer pulls are re-raised by the iterator; do not crash the process.
    this.source.on('error', () => undefined);
    this.events = this.source[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
    return this;
  }

  async next(): Promise<IteratorResult<StoredEvent>> {
    while (!this.closed) {
      const pending = this.events.next();
      pending.catch(() => undefined); // it may settle after close(); that outcome is not wanted
      let result: IteratorResult<AllStreamResolvedEvent> | typeof DONE;
      try {
        result = await Promise.race([pending, this.closedSignal]);
      } catch (err) {
        if (this.closed) break;
        await this.close();
        // Always a drop (the port's promise: resubscribe from the last position); its cause says whether
        // the store itself is unreachable or hung (a StoreUnavailableError) or the server ended it.
        throw new SubscriptionDroppedError((err as Error).message, {
          cause: classifyStoreError(err, 'event-store', { writing: false }),
        });
      }
      if (this.closed) break;
      if (result.done) {
        await this.close();
        throw new SubscriptionDroppedError('the server ended the subscription');
      }
      const event = fromEsdbEvent(result.value.event);
      if (!event || !matchesFilter(event, this.options.filter)) continue;
      if (this.cursor !== undefined && event.position <= this.cursor) continue;
      this.cursor = event.position;
      return { value: this.handOut(event), done: false };
    }
    await this.close();
    return DONE;
  }

  async return(): Promise<IteratorResult<StoredEvent>> {
    await this.close();
    return DONE;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    this.onClose(this);
    await this.source.unsubscribe(); // cancels the gRPC call; the stream then ends
  }
}
