import type { AllStreamResolvedEvent, ResolvedEvent, StreamingRead } from '@eventstore/db-client';

/**
 * The client enforces no deadline on reads or on BatchAppend (its gRPC calls for them are made
 * with `deadline: Infinity`; a batch's deadline is only sent for the server to honour), so a hung
 * server would hold a request for ever. Every adapter call is bounded here instead.
 * `type` is the client's own ErrorType string, so classifyStoreError treats it as the client's.
 */
export class EsdbDeadlineError extends Error {
  readonly type = 'deadline-exceeded';
  constructor(what: string, ms: number) {
    super(`EventStoreDB did not answer ${what} within ${ms} ms`);
    this.name = 'EsdbDeadlineError';
  }
}

/** `work`, or an EsdbDeadlineError after `ms` (then `onLate` runs, e.g. to cancel a read). */
export function withinDeadline<T>(work: Promise<T>, ms: number, what: string, onLate?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onLate?.();
      reject(new EsdbDeadlineError(what, ms));
    }, ms);
  });
  work.catch(() => undefined); // settles after the deadline with nobody waiting
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Every event of a read, within the deadline; a late read is cancelled so its call does not linger. */
export function collectWithin<E extends ResolvedEvent | AllStreamResolvedEvent>(
  read: StreamingRead<E>,
  ms: number,
  what: string,
): Promise<E[]> {
  const collect = async () => {
    const out: E[] = [];
    for await (const e of read) out.push(e);
    return out;
  };
  return withinDeadline(collect(), ms, what, () => void read.cancel().catch(() => undefined));
}
