/**
 * What /health says about one part of the service. Each part that runs on its own (the pack queue,
 * the digest and retention schedules, projections) implements HealthReporter, so /health reads
 * their state instead of guessing it, and self-healing code only has to keep that state true.
 */
export type PartStatus = 'up' | 'down' | 'degraded' | 'disabled';

export interface PartHealth {
  status: PartStatus;
  /** Why, when not up: e.g. "deadline exceeded after 5000 ms", "storage-full: ...". */
  reason?: string;
  /** Part-specific facts an operator needs: state, last round, checkpoint, retry attempt... */
  [detail: string]: unknown;
}

export interface HealthReporter {
  health(): PartHealth;
}

/** The last round of a scheduled job, as /health reports it. */
export interface RoundRecord {
  ok: boolean;
  at: string;
  reason?: string;
}

/**
 * Keeps a schedule's last round for /health. Degraded, not down, after a failed round: a
 * schedule is not a required part (the API answers without it) but an operator must see it.
 */
export class ScheduleHealth implements HealthReporter {
  private last?: RoundRecord;

  constructor(
    private readonly enabled: () => boolean,
    private readonly now: () => Date,
  ) {}

  succeeded(): void {
    this.last = { ok: true, at: this.now().toISOString() };
  }

  failed(err: unknown): void {
    this.last = { ok: false, at: this.now().toISOString(), reason: err instanceof Error ? err.message : String(err) };
  }

  lastRound(): RoundRecord | undefined {
    return this.last;
  }

  health(): PartHealth {
    if (!this.enabled()) return { status: 'disabled' };
    if (!this.last) return { status: 'up', lastRound: null };
    return this.last.ok
      ? { status: 'up', lastRound: this.last }
      : { status: 'degraded', reason: this.last.reason, lastRound: this.last };
  }
}
