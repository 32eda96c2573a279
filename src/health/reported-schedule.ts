import type { IntervalJobStatus } from '../shared/interval-job';
import type { HealthReporter, PartHealth } from './part-health';
import type { ReportedIntervalJob } from './reported-interval-job';

/**
 * What every scheduler (ledger digests, retention) answers alike, from its one ReportedIntervalJob:
 * its health for /health, its status, a round on demand and waiting for a round in progress. Each
 * scheduler keeps what differs: its round, when it is switched on, and the shutdown hook it stops in.
 */
export abstract class ReportedSchedule<T> implements HealthReporter {
  protected abstract readonly job: ReportedIntervalJob<T>;

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
