import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Opens a Server-Sent Events stream over a real socket (inject would wait for a response that never ends). */
export function openStream(
  app: NestFastifyApplication,
  path: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<IncomingMessage> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
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
}

/**
 * Collects the stream's text until `done` says it has what it needs, the stream ends, or (a
 * generous bound, so a missing event fails the test rather than hanging it) `waitMs` passes.
 */
export function readUntil(res: IncomingMessage, done: (text: string) => boolean, waitMs = 20_000): Promise<string> {
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

/** Resolves once the server has ended the stream (true), or false if it is still open after `waitMs`. */
export function ended(res: IncomingMessage, waitMs = 20_000): Promise<boolean> {
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
