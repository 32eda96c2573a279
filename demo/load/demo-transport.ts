import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** One answer, whichever way the request went. */
export interface DemoResponse {
  status: number;
  body: string;
  header(name: string): string | undefined;
}

/** How the demo client reaches the API: the same requests either way. */
export interface DemoTransport {
  post(url: string, headers: Record<string, string>, body: string): Promise<DemoResponse>;
}

/** In process (Fastify inject): the loader booted the app itself, holding the data directory. */
export function injectTransport(app: NestFastifyApplication): DemoTransport {
  return {
    async post(url, headers, payload) {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      return { status: res.statusCode, body: res.body, header: (name) => headerValue(res.headers[name]) };
    },
  };
}

/** Over HTTP to the service that owns the data directory (npm start, then npm run demo:load). */
export function httpTransport(baseUrl: string): DemoTransport {
  return {
    async post(url, headers, body) {
      let res: Response;
      try {
        res = await fetch(new URL(url, baseUrl), { method: 'POST', headers, body });
      } catch (err) {
        throw new Error(
          `No answer from the service at ${baseUrl} (${((err as Error).cause as Error | undefined)?.message ?? (err as Error).message})`,
        );
      }
      return { status: res.status, body: await res.text(), header: (name) => res.headers.get(name) ?? undefined };
    },
  };
}

function headerValue(value: string | string[] | number | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
}
