/**
 * The typed client for front ends: openapi-fetch over the types openapi-typescript generates from the
 * service's OpenAPI document (schema.ts, stream-events.ts; regenerate with `npm run -s client:generate`),
 * a bearer token on every request, the live streams as typed async iterables, and the ETag helpers
 * the service's concurrency rules need. See ../README.md.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';
import { EventStream, type StreamOptions, type StreamPath } from './event-stream';

export type { components, operations, paths } from './schema';
export type { StreamEvents } from './stream-events';
export {
  EventStream,
  EventStreamError,
  waitBeforeReconnect,
  type DocumentedEvent,
  type ReconnectInfo,
  type StreamMessage,
  type StreamOptions,
  type StreamPath,
  type UndocumentedEvent,
} from './event-stream';

/** A schema of the document by name, e.g. Schema<'MeetingResponse'>. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
/** Every error the service answers: application/problem+json with a stable `code`. */
export type Problem = Schema<'Problem'>;

export interface LedgerClientOptions {
  /** Where the service is, e.g. https://ledger.example.org (a path prefix is kept). */
  baseUrl: string;
  /** The bearer token, or a function giving the current one (asked for each request and each stream reconnect). */
  token: string | (() => string | Promise<string>);
  /** Another fetch (tests, instrumentation); the global one by default. */
  fetch?: ClientOptions['fetch'] | undefined;
}

export interface LedgerClient extends Client<paths> {
  /** Follows a live stream: `for await (const message of client.stream('/action-log/stream')) ...`. */
  stream<P extends StreamPath>(path: P, options?: StreamOptions): EventStream<P>;
}

export function createLedgerClient(options: LedgerClientOptions): LedgerClient {
  const token = async () => (typeof options.token === 'string' ? options.token : options.token());
  const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const api = createClient<paths>({ baseUrl: options.baseUrl, fetch });
  api.use({
    async onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${await token()}`);
      return request;
    },
  });
  return Object.assign(api, {
    stream: <P extends StreamPath>(path: P, streamOptions?: StreamOptions) =>
      new EventStream({ baseUrl: options.baseUrl, token, fetch }, path, streamOptions),
  });
}

/** What every openapi-fetch call answers: its Response is there whatever the status. */
interface Answered {
  response: Response;
}

/**
 * The ETag a read or a command answered with. A one-record read's (`"3.1f0c..."`) and a command's
 * (`"4"`) work as If-Match on that record's commands; a list's (`"p1234..."`) only as If-None-Match.
 */
export const etagOf = ({ response }: Answered): string | undefined => response.headers.get('ETag') ?? undefined;

/** Header params for a command that must apply only to the record as you read it (else 412). */
export const ifMatch = (etag: string) => ({ 'If-Match': etag });

/** Header params for a read that answers 304, without a body, while what you hold is current. */
export const ifNoneMatch = (etag: string) => ({ 'If-None-Match': etag });

/** Whether a conditional read answered 304: keep what you have. */
export const notModified = ({ response }: Answered): boolean => response.status === 304;
