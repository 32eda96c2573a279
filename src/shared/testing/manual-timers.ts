import type { RetryTimers } from '../retry-policy';

export type ManualTimers = RetryTimers & { advance(ms: number): void; armed(): number };

/**
 * Timers driven by hand: `advance` fires what is due, in order; nothing waits on the wall clock.
 * Test support only (the specs of the Retrier and the SupervisedLoop).
 */
export function manualTimers(): ManualTimers {
  let now = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  let next = 0;
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      due.set(++next, { at: now + ms, fn });
      return next;
    },
    clearTimeout: (h) => {
      due.delete(h as number);
    },
    advance(ms) {
      now += ms;
      for (const [h, t] of [...due].sort((a, b) => a[1].at - b[1].at))
        if (t.at <= now) {
          due.delete(h);
          t.fn();
        }
    },
    armed: () => due.size,
  };
}
