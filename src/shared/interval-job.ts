import { Retrier, systemTimers, type RetryStatus, type RetryTimers } from './retry-policy';

export interface IntervalJobStatus {
  /** 'off': never started (or 0 minutes); 'retrying': the last round failed and is retried after a backoff. */
  state: 'off' | 'scheduled' | 'running' | 'retrying' | 'stopped';
  /** When the next scheduled round starts (ISO 8601). */
  nextRunAt?: string;
  retry?: RetryStatus;
}

/**
 * A job that runs every N minutes, never two rounds at once, and stops cleanly: stop() clears the
 * timer and waits for a round in progress, so whatever the round uses is not closed under it.
 * A failed round (its promise rejects) is retried after a capped, jittered backoff rather than a
 * whole interval later, again and again until one succeeds; the schedule itself never stops.
 * Timers are unref'd: a schedule is never the reason the process stays up.
 */
export class IntervalJob<T> {
  private timer: unknown;
  private running: Promise<T> | undefined;
  private intervalMs = 0;
  private stopped = false;
  private nextRunAt?: number;
  private retrying = false;

  constructor(
    private readonly round: () => Promise<T>,
    private readonly retrier = new Retrier(),
    private readonly timers: RetryTimers = systemTimers,
  ) {}

  /** Starts the schedule; minutes <= 0 means never. */
  start(minutes: number): void {
    if (minutes <= 0) return;
    this.stopped = false;
    this.intervalMs = minutes * 60_000;
    this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.retrier.cancel();
    await this.settled();
  }

  /** One round now; a round still running when the next is due is not doubled up. */
  tick(): Promise<T> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves when no round is running. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  status(): IntervalJobStatus {
    if (this.stopped) return { state: 'stopped' };
    if (this.retrying && this.retrier.status) return { state: 'retrying', retry: this.retrier.status };
    if (this.running) return { state: 'running' };
    if (this.nextRunAt !== undefined) return { state: 'scheduled', nextRunAt: new Date(this.nextRunAt).toISOString() };
    return { state: 'off' };
  }

  private arm(): void {
    this.nextRunAt = this.timers.now() + this.intervalMs;
    this.timer = this.timers.setTimeout(() => void this.due(), this.intervalMs);
  }

  /** A scheduled round; on failure, retries after the backoff until one succeeds, then back to the interval. */
  private async due(): Promise<void> {
    this.timer = undefined;
    this.nextRunAt = undefined;
    while (!this.stopped) {
      try {
        await this.tick();
        this.retrying = false;
        this.retrier.recovered();
        break;
      } catch (err) {
        if (this.stopped) return;
        this.retrying = true;
        await this.retrier.failed(err);
      }
    }
    if (!this.stopped) this.arm();
  }
}
