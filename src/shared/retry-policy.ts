/**
 * Self-healing for the background parts (projections, the pack queue, the schedules): after any
 * error, wait a capped, exponentially growing, jittered delay, then try again, forever. The random
 * source and the timers are injected so tests count attempts and drive fake timers instead of
 * waiting on the wall clock.
 */

export interface RetryTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** The process's timers, unref'd: a retry wait is never the reason the process stays up. */
export const systemTimers: RetryTimers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

export interface RetryPolicyOptions {
  /** Delay before the first retry (before jitter); must be > 0, so a failing part never busy-loops. */
  initialMs: number;
  /** The cap: no delay is longer than this. */
  maxMs: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** Share of each delay drawn at random (0..1, default 0.5): retries of many parts do not land together. */
  jitter?: number;
  /** [0, 1), as Math.random. */
  random?: () => number;
}

export class RetryPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(options: RetryPolicyOptions) {
    const { initialMs, maxMs, factor = 2, jitter = 0.5, random = Math.random } = options;
    if (!(initialMs > 0) || !(maxMs >= initialMs))
      throw new Error(`RetryPolicy needs 0 < initialMs <= maxMs (got ${initialMs}, ${maxMs})`);
    if (!(factor >= 1) || !(jitter >= 0 && jitter <= 1))
      throw new Error(`RetryPolicy needs factor >= 1 and 0 <= jitter <= 1 (got ${factor}, ${jitter})`);
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.factor = factor;
    this.jitter = jitter;
    this.random = random;
  }

  /**
   * The wait before retry number `attempt` (1 = the first retry): initialMs x factor^(attempt-1),
   * capped at maxMs, of which the `jitter` share is random. Never below (1 - jitter) x initialMs,
   * and at least 1 ms even with full jitter.
   */
  delayMs(attempt: number): number {
    const exponent = Math.max(0, Math.floor(attempt) - 1);
    const ceiling = Math.min(this.maxMs, this.initialMs * this.factor ** Math.min(exponent, 64));
    const delay = ceiling * (1 - this.jitter * this.random());
    return Math.max(1, Math.round(delay));
  }
}

/**
 * The default for background parts: 0.25 s, then 0.5, 1, 2... up to 10 s between attempts (each
 * less up to half, at random). An attempt costs one or two reads, so even at the cap an outage
 * costs the store nothing, and a part is back within 10 s of the store.
 */
export function defaultRetryPolicy(random: () => number = Math.random): RetryPolicy {
  return new RetryPolicy({ initialMs: 250, maxMs: 10_000, random });
}

/** What a part reports while it waits to try again (for /health). */
export interface RetryStatus {
  /** Consecutive failures so far (1 after the first). */
  attempt: number;
  /** When the next attempt starts (ISO 8601). */
  nextRetryAt: string;
  lastError: string;
}

/**
 * Counts consecutive failures of one part and waits out the backoff between them. A run that
 * stayed up at least `maxMs` before failing starts the count again, so a part that was healthy for
 * a while retries quickly, while one that fails again soon after each start backs off to the cap.
 */
export class Retrier {
  private attempt = 0;
  private startedAt: number;
  private readonly pending = new Set<{ handle: unknown; resolve: () => void }>();
  status?: RetryStatus;

  constructor(
    private readonly policy: RetryPolicy = defaultRetryPolicy(),
    private readonly timers: RetryTimers = systemTimers,
  ) {
    this.startedAt = timers.now();
  }

  /** Records a failure and resolves when the next attempt is due (or at once on cancel()); waits may overlap. */
  failed(error: unknown): Promise<void> {
    const now = this.timers.now();
    if (now - this.startedAt >= this.policy.maxMs) this.attempt = 0;
    this.attempt++;
    const delay = this.policy.delayMs(this.attempt);
    const message = error instanceof Error ? error.message : String(error);
    this.status = { attempt: this.attempt, nextRetryAt: new Date(now + delay).toISOString(), lastError: message };
    return new Promise<void>((resolve) => {
      const wait = { handle: undefined as unknown, resolve };
      wait.handle = this.timers.setTimeout(() => this.wake(wait), delay);
      this.pending.add(wait);
    }).then(() => {
      this.startedAt = this.timers.now();
    });
  }

  /** The part is working again: /health stops reporting the retry (the count is kept, see above). */
  recovered(): void {
    this.status = undefined;
  }

  /** Ends every wait in progress now (on stop), so shutdown never waits out a backoff. */
  cancel(): void {
    for (const wait of this.pending) {
      this.timers.clearTimeout(wait.handle);
      this.wake(wait);
    }
  }

  private wake(wait: { resolve: () => void }): void {
    if (this.pending.delete(wait as { handle: unknown; resolve: () => void })) wait.resolve();
  }
}
