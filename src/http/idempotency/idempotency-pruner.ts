import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ReportedIntervalJob } from '../../health/reported-interval-job';
import { ReportedSchedule } from '../../health/reported-schedule';
import { CLOCK, type Clock } from '../../shared/clock';
import { SCHEDULE_LEADERSHIP, SoleLeader, type ScheduleLeadership } from '../../shared/schedule-leadership';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency.store';

/** Hourly: a backlog never outgrows one round, and a key is forgotten at most an hour after its window. */
export const PRUNE_INTERVAL_MINUTES = 60;

/**
 * Deletes the idempotency records past IDEMPOTENCY_RETENTION_HOURS, so a client sending a key with
 * every write does not grow the table for ever. The store already answers such a key as new; this
 * only reclaims the rows. With several instances (SHARED_STATE=postgres) one leads each round.
 */
@Injectable()
export class IdempotencyPruner
  extends ReportedSchedule<number>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(IdempotencyPruner.name);
  protected readonly job = new ReportedIntervalJob(
    () => this.asLeader('idempotency-prune', PRUNE_INTERVAL_MINUTES, () => this.prune(), 0),
    () => true,
    () => this.clock.now(),
  );

  constructor(
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(SCHEDULE_LEADERSHIP) protected readonly leadership: ScheduleLeadership = new SoleLeader(),
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.job.start(PRUNE_INTERVAL_MINUTES);
  }

  /** Before the store closes (IdempotencyModule, on shutdown). */
  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  private async prune(): Promise<number> {
    try {
      const pruned = await this.store.prune();
      if (pruned) this.logger.log(`Forgot ${pruned} idempotency record(s) past their window`);
      return pruned;
    } catch (err) {
      // Seen in the log; rethrown so the job retries it after a backoff (it never takes the service down).
      this.logger.error(`Idempotency prune failed: ${(err as Error).message}`, (err as Error).stack);
      throw err;
    }
  }
}
