/**
 * A job that runs every N minutes, never two rounds at once, and stops cleanly: stop() clears the
 * timer and waits for a round in progress, so whatever the round uses is not closed under it.
 * The timer is unref'd: a schedule is never the reason the process stays up.
 */
export class IntervalJob<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(private readonly round: () => Promise<T>) {}

  /** Starts the schedule; minutes <= 0 means never. */
  start(minutes: number): void {
    if (minutes <= 0) return;
    this.timer = setInterval(() => void this.tick(), minutes * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.settled();
  }

  /** One round now; a round still running when the next is due is not doubled up. */
  tick(): Promise<T> {
    this.running ??= this.round().finally(() => { this.running = undefined; });
    return this.running;
  }

  /** Resolves when no round is running. */
  async settled(): Promise<void> {
    await this.running;
  }
}
