import type { ArgumentsHost } from '@nestjs/common';
import { StoreUnavailableError } from '../ledger/store-errors';
import { ProblemDetailsFilter } from './problem-details.filter';

/** Runs the filter on one error as if for `method /url`, capturing status, headers and body. */
function answer(error: unknown, method = 'POST') {
  const sent: { status?: number; headers: Record<string, string>; body?: Record<string, unknown> } = { headers: {} };
  const reply = {
    status(s: number) {
      sent.status = s;
      return reply;
    },
    header(k: string, v: string) {
      sent.headers[k.toLowerCase()] = v;
      return reply;
    },
    send(b: Record<string, unknown>) {
      sent.body = b;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ method, url: '/partners?x=1' }) }),
  } as unknown as ArgumentsHost;
  const filter = new ProblemDetailsFilter();
  (filter as unknown as { logger: { warn(): void; error(): void } }).logger = {
    warn: () => undefined,
    error: () => undefined,
  };
  filter.catch(error, host);
  return sent;
}

describe('ProblemDetailsFilter and store faults', () => {
  it('given a store refusal, then 503 with its code, the part, Retry-After and that nothing was written', () => {
    const res = answer(
      new StoreUnavailableError('storage-full', 'read-model-store', false, new Error('database or disk is full')),
    );
    expect(res.status).toBe(503);
    expect(res.headers).toMatchObject({ 'retry-after': '60', 'content-type': 'application/problem+json' });
    expect(res.body).toMatchObject({
      status: 503,
      code: 'storage-full',
      type: '/problems/storage-full',
      part: 'read-model-store',
      outcomeUnknown: false,
      instance: '/partners',
    });
    expect(res.body!.detail).toMatch(/Nothing was written/);
  });

  it('given a write whose outcome is unknown, then 503 outcome-unknown saying it may have been recorded and that a keyed retry is safe', () => {
    const res = answer(new StoreUnavailableError('store-deadline-exceeded', 'event-store', true));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({
      code: 'outcome-unknown',
      fault: 'store-deadline-exceeded',
      part: 'event-store',
      outcomeUnknown: true,
    });
    expect(res.body!.detail).toMatch(/may have been recorded/);
    expect(res.body!.detail).toMatch(/same Idempotency-Key is safe/);
    expect(res.body!.detail).not.toMatch(/nothing was written/i);
  });

  it('given a bug during a write, then 500 that does not claim nothing was written; during a read, it may', () => {
    const write = answer(new TypeError('x is undefined'), 'POST');
    expect(write.status).toBe(500);
    expect(write.headers['retry-after']).toBeUndefined();
    expect(JSON.stringify(write.body)).not.toMatch(/nothing was written/i);
    expect(write.body!.detail).toMatch(/may or may not have been recorded/);
    const read = answer(new TypeError('x is undefined'), 'GET');
    expect(read.body).toMatchObject({
      status: 500,
      code: 'internal-error',
      title: expect.stringMatching(/nothing was written/),
    });
  });
});
