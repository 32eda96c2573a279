/**
 * The service's live streams (GET <register>/stream, Server-Sent Events) as typed async iterables,
 * over fetch: openapi-fetch has no event-stream reader, and EventSource cannot send a bearer token.
 * Like EventSource, a stream reconnects by itself when the connection drops, sending Last-Event-ID,
 * so the service resends exactly what changed after the last event received (nothing missed, nothing
 * repeated); unlike it, an answer other than 200 ends the iteration with an EventStreamError.
 */
import type { components } from './schema';
import { SseParser, type RawEvent } from './sse-parser';
import { STREAM_EVENT_NAMES, type StreamEvents } from './stream-events';

/** Every stream path the document lists. */
export type StreamPath = keyof StreamEvents;

/** An event the document describes on this stream: `event` narrows `data` to its schema. */
export type DocumentedEvent<P extends StreamPath> = {
  [E in keyof StreamEvents[P]]: { event: E; id: string | undefined; data: StreamEvents[P][E] };
}[keyof StreamEvents[P]];

/** An event the document does not (yet) describe on this stream: its name and its data, parsed if JSON. */
export interface UndocumentedEvent {
  event: null;
  name: string;
  id: string | undefined;
  data: unknown;
}

export type StreamMessage<P extends StreamPath> = DocumentedEvent<P> | UndocumentedEvent;

/**
 * The stream was refused (401, 403, 400 invalid-last-event-id...): the problem+json the service sent.
 * A 429 or 5xx is not thrown: the stream waits and reconnects, as after a dropped connection.
 */
export class EventStreamError extends Error {
  constructor(
    readonly status: number,
    readonly problem: components['schemas']['Problem'] | undefined,
  ) {
    super(`The stream answered ${status}${problem?.code ? ` ${problem.code}` : ''}`);
  }
}

export interface ReconnectInfo {
  /** 1 for the first reconnect after a connection opened (or the first one failed); counts up while reconnects fail. */
  attempt: number;
  /** What will be sent as Last-Event-ID. */
  lastEventId: string | undefined;
  /** Why the connection ended: the network error, or undefined when the service closed the stream. */
  cause: unknown;
  /** The reconnection time the service asked for (`retry:`), if any. */
  retryMs: number | undefined;
  /** Aborted when the stream is closed: a wait should end then. */
  signal: AbortSignal;
}

export interface StreamOptions {
  /** Resume after this id (the last one received before): sent as Last-Event-ID. */
  lastEventId?: string | undefined;
  /** Stops the stream (the iteration then ends quietly), like breaking out of the loop. */
  signal?: AbortSignal | undefined;
  /** Called each time a connection is open (the service answered 200): the first and every reconnect. */
  onOpen?: ((info: { lastEventId: string | undefined }) => void) | undefined;
  /**
   * What to do when the connection drops: false ends the iteration; a function is awaited before
   * each reconnect (to show "reconnecting", wait for the network...). Default: waitBeforeReconnect.
   */
  reconnect?: false | ((info: ReconnectInfo) => Promise<void> | void) | undefined;
}

/** The default wait before a reconnect: the service's `retry:` (else 1 s), doubled per failed attempt, at most 30 s; cut short by close(). */
export function waitBeforeReconnect({ attempt, retryMs, signal }: ReconnectInfo): Promise<void> {
  const ms = Math.min((retryMs ?? 1000) * 2 ** Math.max(0, attempt - 1), 30_000);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** How the stream reaches the service: the client's base URL, token and fetch. */
export interface StreamTransport {
  baseUrl: string;
  token: () => Promise<string>;
  fetch: (request: Request) => Promise<Response>;
}

/**
 * One live stream: iterate it once (for await), read `lastEventId` at any time (to resume later, e.g.
 * after a page reload), close() it or break out of the loop to disconnect.
 */
export class EventStream<P extends StreamPath> implements AsyncIterable<StreamMessage<P>> {
  private readonly stop = new AbortController();
  private readonly documented: ReadonlySet<string>;
  private retryMs: number | undefined;
  /** The id of the last event received: what a reconnect (automatic or yours) sends as Last-Event-ID. */
  lastEventId: string | undefined;

  constructor(
    private readonly transport: StreamTransport,
    readonly path: P,
    private readonly options: StreamOptions = {},
  ) {
    this.lastEventId = options.lastEventId;
    this.documented = new Set(STREAM_EVENT_NAMES[path] as readonly string[]);
    options.signal?.addEventListener('abort', () => this.close(), { once: true });
  }

  /** Disconnects; an iteration in progress ends. */
  close(): void {
    this.stop.abort();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<StreamMessage<P>, void, undefined> {
    const reconnect = this.options.reconnect === undefined ? waitBeforeReconnect : this.options.reconnect;
    /** Reconnects since the last connection that opened. */
    let attempt = 0;
    try {
      while (!this.stop.signal.aborted) {
        let cause: unknown;
        let opened = false;
        try {
          for await (const raw of this.connection(() => (opened = true))) yield this.typed(raw);
        } catch (err) {
          if (refusal(err) || this.stop.signal.aborted) throw err;
          cause = err;
        }
        if (this.stop.signal.aborted || reconnect === false) return;
        attempt = opened ? 1 : attempt + 1;
        const signal = this.stop.signal;
        await reconnect({ attempt, lastEventId: this.lastEventId, cause, retryMs: this.retryMs, signal });
      }
    } catch (err) {
      // Our own close() aborts the fetch: that is the end of the stream, not an error.
      if (!this.stop.signal.aborted) throw err;
    } finally {
      this.close();
    }
  }

  /** One connection's events, until the service ends it or it drops (a network error is thrown). */
  private async *connection(opened: () => void): AsyncGenerator<RawEvent, void, undefined> {
    const headers: Record<string, string> = {
      Accept: 'text/event-stream',
      Authorization: `Bearer ${await this.transport.token()}`,
    };
    if (this.lastEventId !== undefined) headers['Last-Event-ID'] = this.lastEventId;
    const url = `${this.transport.baseUrl.replace(/\/+$/, '')}${this.path}`;
    const response = await this.transport.fetch(new Request(url, { headers, signal: this.stop.signal }));
    if (response.status !== 200 || !response.body)
      throw new EventStreamError(response.status, await problemOf(response));
    opened();
    this.options.onOpen?.({ lastEventId: this.lastEventId });
    const parser = new SseParser();
    const decoder = new TextDecoder();
    // Bytes, though some typings of fetch (Node's) declare the body a stream of any.
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        const events = parser.push(done ? decoder.decode() : decoder.decode(value, { stream: true }));
        this.retryMs = parser.retryMs ?? this.retryMs;
        for (const event of events) {
          if (event.id !== undefined) this.lastEventId = event.id;
          yield event;
        }
        if (done) return;
      }
    } finally {
      reader.releaseLock();
    }
  }

  private typed(raw: RawEvent): StreamMessage<P> {
    if (this.documented.has(raw.event))
      return { event: raw.event, id: raw.id, data: JSON.parse(raw.data) as unknown } as DocumentedEvent<P>;
    let data: unknown = raw.data;
    try {
      data = JSON.parse(raw.data);
    } catch {
      // Not JSON: handed over as the text it is.
    }
    return { event: null, name: raw.event, id: raw.id, data };
  }
}

/** An answer a retry will not change (a 4xx other than 429): the caller must act (new token, other id). */
const refusal = (err: unknown) => err instanceof EventStreamError && err.status < 500 && err.status !== 429;

async function problemOf(response: Response): Promise<components['schemas']['Problem'] | undefined> {
  try {
    return (await response.json()) as components['schemas']['Problem'];
  } catch {
    return undefined;
  }
}
