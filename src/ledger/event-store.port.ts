import type { NewEvent, StoredEvent } from './event-envelope';

/** 'no_stream': must not exist; 'any': no check; a number: the stream's current last revision. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

/**
 * Global log positions are OPAQUE: they increase along the log and may be compared (<, >=), but
 * they are not counts and have gaps (EventStoreDB's are byte offsets in its transaction log, and
 * it refuses to read $all from a number that is not the start of a record). Never add to or
 * subtract from one. Every `after` given to readAll/subscribe must be a position this store
 * returned (a checkpoint); a number from outside (a user's as-of position) goes through
 * lastEventAtOrBefore first.
 */
export interface AppendResult {
  /** Revision of the last event written (or already present, for an idempotent retry). */
  nextRevision: number;
  /** Global position of that last event. */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface LogFilter {
  /** Keep events whose type starts with one of these prefixes. */
  eventTypePrefixes?: string[];
  /** Keep events whose stream category (the part before the first '-') is one of these. */
  streamCategories?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position (one this store returned). Omit to read from the start. */
  after?: number;
  maxCount?: number;
  filter?: LogFilter;
}

export interface SubscribeOptions {
  /** Checkpoint: deliver events strictly after this position (one this store returned). */
  after?: number;
  filter?: LogFilter;
}

/**
 * A catch-up subscription: async-iterate it (pull = back-pressure); close() ends the iteration.
 * The iteration only ends (done) after close(); if the store ends it (a server drop, a lost
 * connection) next() rejects, with a SubscriptionDroppedError where the engine can tell, and the
 * consumer subscribes again from its last checkpoint.
 */
export interface Subscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

/** The store ended a subscription the consumer had not closed: resubscribe from the last checkpoint. */
export class SubscriptionDroppedError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Subscription dropped by the event store: ${reason}`, options);
    this.name = 'SubscriptionDroppedError';
  }
}

/** The ledger port. Every engine (memory, SQLite, EventStoreDB) passes one contract suite. */
export interface EventStore {
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** Position of the last event readAll would return (the head of the log); undefined when the log is empty. */
  headPosition(): Promise<number | undefined>;
  /**
   * The last event at or before `position`, or undefined when none is. `position` may be any number
   * (it need not name an event): this is how a position from outside becomes one the store returned.
   */
  lastEventAtOrBefore(position: number): Promise<StoredEvent | undefined>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Cheap reachability probe for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
