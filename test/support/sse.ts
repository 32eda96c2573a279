import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Opens a Server-Sent Events stream over a real socket (inject would wait for a response that never ends). */
export function openStream(app: NestFastifyApplication, path: string, token: string): Promise<IncomingMessage> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, resolve).on('error', reject).end();
  });
}

/** Collects the stream's text until `done` says it has what it needs (or the stream ends). */
export function readUntil(res: IncomingMessage, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => { text += chunk; if (done(text)) resolve(text); });
    res.on('end', () => resolve(text));
  });
}
