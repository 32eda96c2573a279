import { IntervalJob } from '../shared/interval-job';
import { ScheduleHealth, type HealthReporter, type PartHealth } from './part-health';

/**
 * An IntervalJob whose rounds /health reports: the last round (ok, when, why not; degraded after a
 * failed one) and, while a failed round waits for its retry, the attempt, next retry and error.
 * The schedulers (ledger digests, retention) give it their round and say when it is switched on.
 */
export class ReportedIntervalJob<T> extends IntervalJob<T> implements HealthReporter {
  private readonly rounds: ScheduleHealth;

  constructor(round: () => Promise<T>, enabled: () => boolean, now: () => Date) {
    const rounds = new ScheduleHealth(enabled, now);
    super(async () => {
      try {
        const result = await round();
        rounds.succeeded();
        return result;
      } catch (err) {
        rounds.failed(err);
        throw err;
      }
    });
    this.rounds = rounds;
  }

  health(): PartHealth {
    // After a failed round: when it is retried (attempt, next retry, error), not just that it failed.
    const { retry } = this.status();
    return { ...this.rounds.health(), ...(retry ? { retry } : {}) };
  }
}
