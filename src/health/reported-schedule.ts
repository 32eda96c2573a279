import type { AppConfig } from '../config/app-config';
import type { IntervalJobStatus } from '../shared/interval-job';
import type { ScheduleLeadership } from '../shared/schedule-leadership';
import type { HealthReporter, PartHealth } from './part-health';
import type { ReportedIntervalJob } from './reported-interval-job';

/**
 * What every scheduler (ledger digests, retention, idempotency prune) answers alike, from its one
 * ReportedIntervalJob: its health for /health, its status, a round on demand and waiting for a round in
 * progress; and how a round runs on one instance only. Each scheduler keeps what differs: its round,
 * when it is switched on, and the shutdown hook it stops in.
 */
export abstract class ReportedSchedule<T> implements HealthReporter {
  protected abstract readonly job: ReportedIntervalJob<T>;
  protected abstract readonly config: AppConfig;
  protected abstract readonly leadership: ScheduleLeadership;

  /**
   * Runs `round` on the instance that leads `schedule` (SHARED_STATE=postgres: one instance a round;
   * alone, it always leads) and answers `idle` where another leads. The lease outlasts one interval by
   * the configured margin, so a live leader keeps it between rounds.
   */
  protected async asLeader(schedule: string, intervalMinutes: number, round: () => Promise<T>, idle: T): Promise<T> {
    const { sharedState } = this.config;
    const margin = sharedState.kind === 'postgres' ? sharedState.leaderLeaseMs : 0;
    const led = await this.leadership.lead(schedule, intervalMinutes * 60_000 + margin, round);
    return led.ran ? led.result : idle;
  }

  health(): PartHealth {
    return this.job.health();
  }

  /** One round (for tests driving the timer); a round still running when the next is due is not doubled up. */
  tick(): Promise<T> {
    return this.job.tick();
  }

  /** Resolves when no round is running (for shutdown, and for tests driving the timer). */
  settled(): Promise<void> {
    return this.job.settled();
  }

  /** Scheduled, running, or retrying a failed round (with the attempt and the error), for /health. */
  status(): IntervalJobStatus {
    return this.job.status();
  }
}
