import type { NewEvent, StoredEvent } from './event-envelope';

/** 'no_stream': must not exist; 'any': no check; a number: the stream's current last revision. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

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
  /** Exclusive: events strictly after this position. Omit to read from the start. */
  after?: number;
  maxCount?: number;
  filter?: LogFilter;
}

export interface SubscribeOptions {
  /** Checkpoint: deliver events strictly after this position. */
  after?: number;
  filter?: LogFilter;
}

/** A catch-up subscription: async-iterate it (pull = back-pressure); close() ends the iteration. */
export interface Subscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

/** The ledger port. Every engine (memory, SQLite, EventStoreDB) passes one contract suite. */
export interface EventStore {
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Cheap reachability probe for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
