/** What `within` resolves with when the time ran out first. */
export const TIMEOUT = Symbol('timeout');

/**
 * Resolves with `pending`, or TIMEOUT after `ms` (a negative `ms` is no wait): `pending` itself is
 * kept, not lost, so a loop can await the same `next()` again after the timer's work is done.
 */
export function within<T>(pending: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), Math.max(0, ms));
  });
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
}
