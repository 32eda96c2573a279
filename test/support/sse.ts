import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { describeMismatch, ResponseValidator, type Mismatch, type ServedDocument } from './openapi-responses';

const documents = new WeakMap<object, Promise<ResponseValidator | undefined>>();
/** Each stream message that does not match the document, until the setup's afterEach takes them. */
const streamMismatches: { path: string; mismatch: Mismatch; line: string }[] = [];

/** The app's own /openapi.json as a validator, or undefined for an app built without it. */
function validatorOf(app: NestFastifyApplication): Promise<ResponseValidator | undefined> {
  let v = documents.get(app);
  if (!v) {
    v = app
      .inject({ method: 'GET', url: '/openapi.json' })
      .then((res) =>
        res.statusCode === 200 ? new ResponseValidator(JSON.parse(res.body) as ServedDocument) : undefined,
      );
    documents.set(app, v);
  }
  return v;
}

/**
 * Checks every complete message of an event stream against its documented event schema as the
 * consumer receives it: `emit` is watched rather than a 'data' listener added, so the test's own
 * reading (readUntil, a listener, nothing) and the stream's flow are left as they were.
 */
function watchEvents(res: IncomingMessage, path: string, validator: ResponseValidator): void {
  if (!String(res.headers['content-type']).startsWith('text/event-stream')) return;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const emit = res.emit.bind(res) as (event: string | symbol, ...args: unknown[]) => boolean;
  res.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'data') {
      const chunk = args[0];
      pending += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      const end = pending.lastIndexOf('\n\n');
      if (end >= 0) {
        for (const message of messages(pending.slice(0, end + 2)))
          for (const mismatch of validator.checkEvent(path, message))
            streamMismatches.push({
              path,
              mismatch,
              line: describeMismatch(
                { method: 'GET', url: path, status: 200, contentType: 'text/event-stream', body: '' },
                mismatch,
              ),
            });
        pending = pending.slice(end + 2);
      }
    }
    return emit(event, ...args);
  }) as typeof res.emit;
}

/** The stream messages received since the last call that did not match the document (taken: the list empties). */
export function takeStreamMismatches(): { path: string; mismatch: Mismatch; line: string }[] {
  return streamMismatches.splice(0);
}

/**
 * Opens a Server-Sent Events stream over a real socket (inject would wait for a response that never
 * ends). Every event it delivers is checked against the app's /openapi.json (watchEvents).
 */
export async function openStream(
  app: NestFastifyApplication,
  path: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<IncomingMessage> {
  const validator = await validatorOf(app);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    request(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
      },
      resolve,
    )
      .on('error', reject)
      .end();
  });
  if (validator) watchEvents(res, path, validator);
  return res;
}

/**
 * Collects the stream's text until `done` says it has what it needs, the stream ends, or (a hang
 * guard, so a missing event fails the test rather than hanging it; a busy machine is only slower)
 * `waitMs` passes.
 */
export function readUntil(res: IncomingMessage, done: (text: string) => boolean, waitMs = 60_000): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => resolve(text), waitMs);
    const finish = () => {
      clearTimeout(timer);
      resolve(text);
    };
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      if (done(text)) finish();
    });
    res.on('end', finish);
  });
}

/** Resolves once the server has ended the stream (true), or false if it is still open after `waitMs` (a hang guard). */
export function ended(res: IncomingMessage, waitMs = 60_000): Promise<boolean> {
  if (res.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), waitMs);
    res.on('end', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export interface SseMessage {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

/** The stream's messages in order (blank-line separated), each with its fields or its comment. */
export function messages(text: string): SseMessage[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const m: SseMessage = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(': ')) m.comment = line.slice(2);
        else if (line.startsWith('event: ')) m.event = line.slice(7);
        else if (line.startsWith('id: ') || line === 'id:') m.id = line.slice(4);
        else if (line.startsWith('data: ')) m.data = (m.data === undefined ? '' : `${m.data}\n`) + line.slice(6);
      }
      return m;
    });
}
