import type { TestApp } from './test-app';

export interface SendOptions {
  token?: string | null;
  ifMatch?: string;
  idempotencyKey?: string;
  method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET';
}

/** Sends a JSON request through the real HTTP stack (Fastify inject), as a business manager by default. */
export async function send(t: TestApp, url: string, body?: unknown, o: SendOptions = {}) {
  const token = o.token === undefined ? await t.token() : o.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (o.ifMatch) headers['if-match'] = o.ifMatch;
  if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
  const res = await t.app.inject({
    method: o.method ?? 'POST',
    url,
    headers,
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
}

/** The 503 codes a client is told to retry (Retry-After): the store was slow, away or unsure. */
const TRANSIENT = new Set(['store-deadline-exceeded', 'store-unavailable', 'outcome-unknown', 'store-busy']);

/**
 * A command sent while the store is meant to be healthy, by a client that honours Retry-After: a
 * fault suite runs with a short STORE_DEADLINE_MS, which a loaded machine's healthy write can meet,
 * so a transient 503 is retried with the same Idempotency-Key (never decided twice) until answered
 * otherwise, for 90 s at most. Any other answer is returned as it came, for the test to judge.
 */
export async function sendRetryingTransient(
  t: TestApp,
  url: string,
  body: unknown,
  o: SendOptions & { idempotencyKey: string },
): Promise<Awaited<ReturnType<typeof send>>> {
  for (const end = Date.now() + 90_000; ;) {
    const res = await send(t, url, body, o);
    const code = (res.body as { code?: string } | undefined)?.code;
    if (res.status !== 503 || !code || !TRANSIENT.has(code) || Date.now() > end) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many events the whole log holds: "nothing written" is checked with this. */
export async function eventCount(t: TestApp): Promise<number> {
  return (await t.store.readAll()).length;
}

export function expectProblem(
  res: { status: number; body: unknown; headers: Record<string, unknown> },
  status: number,
  code?: string,
) {
  expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
    status,
    contentType: expect.stringContaining('application/problem+json'),
  });
  expect(res.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    ...(code ? { code } : {}),
  });
}

/** A stale If-Match (no stream here is at revision 9) is refused with 412 wrong-expected-revision, and nothing is written. */
export async function expectStaleIfMatchRefused(t: TestApp, url: string, body: unknown, token: string) {
  const before = await eventCount(t);
  expectProblem(await send(t, url, body, { token, ifMatch: '"9"' }), 412, 'wrong-expected-revision');
  expect(await eventCount(t)).toBe(before);
}

/** Sends a setup step and insists it succeeded, so a broken setup never passes silently. */
export async function sendOk(t: TestApp, url: string, body: unknown, token: string) {
  const res = await send(t, url, body, { token });
  expect(res.status).toBeLessThan(300);
  return res;
}

/** The fields a validation problem names, sorted. */
export const refusedFields = (res: Awaited<ReturnType<typeof send>>): string[] =>
  (res.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();

/** A 400 validation-failed problem that names exactly these fields (sorted). */
export function expectFieldsRefused(res: Awaited<ReturnType<typeof send>>, fields: string[]) {
  expectProblem(res, 400, 'validation-failed');
  expect(refusedFields(res)).toEqual(fields);
}

/** A retried request (same Idempotency-Key) answers exactly as the first did: status, body and ETag. */
export function expectSameAnswer(retry: Awaited<ReturnType<typeof send>>, first: Awaited<ReturnType<typeof send>>) {
  expect({ status: retry.status, body: retry.body as unknown, etag: retry.headers.etag }).toEqual({
    status: first.status,
    body: first.body,
    etag: first.headers.etag,
  });
}
