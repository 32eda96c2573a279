import { Retrier, type RetryStatus } from './retry-policy';

/** 'retrying': the last run failed; the next one starts after the Retrier's backoff. */
export type SupervisedState = 'idle' | 'running' | 'retrying' | 'stopped';

export interface SupervisedWork {
  /** One run: returns only when stop() closed what it follows; anything else (a return too) is a failure. */
  run(): Promise<void>;
  /** Closes what a run holds (its subscription), after a failure and on stop(); its own errors are ignored. */
  release(): Promise<void>;
  /** Told of each failure before the backoff starts (the projection runner logs it). */
  failed?(error: Error, retry: RetryStatus): void;
  /**
   * An error no retry can heal (the log tree not matching the log): record it and answer true,
   * and the loop ends there instead of backing off. Absent: every error is retried.
   */
  final?(error: unknown): boolean;
}

/**
 * The self-healing loop shared by the background followers of the log (each projection worker,
 * the log-tree follower): runs `run()` until stop(); after any error it records it (state
 * 'retrying', for /health), releases what the run held and waits the Retrier's capped, jittered
 * backoff, then runs again from whatever the work last committed. No restart is ever needed, and a
 * deterministic failure backs off to the cap (it never spins). Shutdown never waits out a backoff.
 */
export class SupervisedLoop {
  state: SupervisedState = 'idle';
  error?: Error;
  /** Set by stop(): a run checks it to finish what it holds and return. */
  stopping = false;
  private loop?: Promise<void>;

  constructor(
    private readonly work: SupervisedWork,
    private readonly retrier = new Retrier(),
  ) {}

  /** While retrying: the attempt, when the next one starts and the last error (for /health). */
  get retry(): RetryStatus | undefined {
    return this.state === 'retrying' ? this.retrier.status : undefined;
  }

  /** Starts the loop once; a second call while it exists does nothing. */
  start(): void {
    if (this.loop) return;
    this.state = 'running';
    this.loop = this.supervise();
  }

  /** Ends any backoff now, releases what the run holds (which ends the run) and waits for the loop. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.retrier.cancel();
    await this.work.release().catch(() => undefined);
    await this.loop;
    this.state = 'stopped';
  }

  /** The work made progress (the store answered, a batch committed): no longer retrying. */
  recovered(): void {
    if (this.state !== 'retrying') return;
    this.state = 'running';
    this.error = undefined;
    this.retrier.recovered();
  }

  private async supervise(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.work.run();
        if (this.stopping) return;
        // Only stop() may end a run; a server that ends a subscription (a restart, a leader change) is an error.
        throw new Error('The subscription ended without being closed');
      } catch (err) {
        if (this.stopping) return;
        if (this.work.final?.(err)) return;
        await this.fail(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }

  private async fail(error: Error): Promise<void> {
    this.state = 'retrying';
    this.error = error;
    const wait = this.retrier.failed(error);
    this.work.failed?.(error, this.retrier.status!);
    // The run's own error is what matters (and is recorded); a second one from releasing is not.
    await this.work.release().catch(() => undefined);
    await wait;
  }
}
