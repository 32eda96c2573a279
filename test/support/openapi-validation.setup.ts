import { appendFileSync } from 'node:fs';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { describeMismatch, ResponseValidator, type ServedDocument } from './openapi-responses';
import { takeStreamMismatches } from './sse';

/**
 * Jest setup of the e2e projects: every response a suite receives through the app's inject (send(),
 * apiSpec and direct app.inject alike) is checked against the operation the app's own /openapi.json
 * gives for it (openapi-responses.ts), and a mismatch fails the request that received it. Apps built
 * without the document (it answers 404) are not checked. OPENAPI_RESPONSES=report appends the
 * mismatches to OPENAPI_RESPONSES_REPORT instead, to measure them across suites. Server-Sent Events
 * the suites read (test/support/sse.ts openStream) are checked against their documented event
 * schemas too, and fail the test that received them.
 */
type InjectOptions = { method?: string; url?: string; path?: string };
type Injected = { statusCode: number; headers: Record<string, unknown>; body: string };
type Inject = (this: FastifyAdapter, opts?: InjectOptions | string) => unknown;

const validators = new WeakMap<object, Promise<ResponseValidator | undefined>>();
const original = Object.getOwnPropertyDescriptor(FastifyAdapter.prototype, 'inject')!.value as Inject;

function validatorOf(adapter: FastifyAdapter): Promise<ResponseValidator | undefined> {
  let v = validators.get(adapter);
  if (!v) {
    v = (original.call(adapter, { method: 'GET', url: '/openapi.json' }) as Promise<Injected>).then((res) =>
      res.statusCode === 200 ? new ResponseValidator(JSON.parse(res.body) as ServedDocument) : undefined,
    );
    validators.set(adapter, v);
  }
  return v;
}

(FastifyAdapter.prototype as unknown as { inject: Inject }).inject = function checkedInject(
  this: FastifyAdapter,
  opts?: InjectOptions | string,
) {
  const sent = original.call(this, opts);
  // The chained form (inject() with no options) is left alone: no suite uses it.
  if (opts === undefined) return sent;
  const request = typeof opts === 'string' ? { method: 'GET', url: opts } : opts;
  return (sent as Promise<Injected>).then(async (res) => {
    const validator = await validatorOf(this);
    const answer = {
      method: request.method ?? 'GET',
      url: request.url ?? request.path ?? '/',
      status: res.statusCode,
      contentType: res.headers['content-type'] as string | undefined,
      body: res.body,
    };
    const mismatches = validator?.check(answer) ?? [];
    if (mismatches.length === 0) return res;
    const lines = mismatches.map((m) => describeMismatch(answer, m));
    if (reported(mismatches.map((m) => ({ ...m, url: answer.url })))) return res;
    throw new Error(`The answer does not match /openapi.json:\n${lines.join('\n')}`);
  });
};

/** In report mode, appends the mismatches to OPENAPI_RESPONSES_REPORT and says so (true); otherwise false. */
function reported(mismatches: object[]): boolean {
  if (process.env.OPENAPI_RESPONSES !== 'report') return false;
  const file = process.env.OPENAPI_RESPONSES_REPORT ?? '/tmp/openapi-mismatches.jsonl';
  const suite = expect.getState().testPath ?? '';
  appendFileSync(file, mismatches.map((m) => JSON.stringify({ suite, ...m }) + '\n').join(''));
  return true;
}

afterEach(() => {
  const found = takeStreamMismatches();
  if (found.length === 0 || reported(found.map((f) => ({ ...f.mismatch, url: f.path })))) return;
  throw new Error(`Streamed events do not match /openapi.json:\n${found.map((f) => f.line).join('\n')}`);
});
