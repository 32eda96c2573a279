import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CLOCK, type Clock } from '../../shared/clock';
import { SCHEDULE_LEADERSHIP, SoleLeader, type ScheduleLeadership } from '../../shared/schedule-leadership';
import { ReportedIntervalJob } from '../../health/reported-interval-job';
import { ReportedSchedule } from '../../health/reported-schedule';
import { systemActor } from '../event-envelope';
import { RecordLedgerDigestCommand } from './commands/record-ledger-digest/record-ledger-digest';
import { LogHeadDigester } from './log-head-digester';

/** The actor of scheduled digests (a system actor: no token can carry it). */
export const DIGEST_SCHEDULER_ACTOR = systemActor('ledger-digest-scheduler');

/**
 * Records a digest every DIGEST_INTERVAL_MINUTES (0: never) when anything but digests was written
 * since the last one, so a quiet ledger does not fill with digests of digests. Stops on shutdown,
 * waiting for a digest in progress so the store is not closed under it.
 */
@Injectable()
export class DigestScheduler extends ReportedSchedule<void> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DigestScheduler.name);
  /** Its rounds, and the last one's outcome for /health (degraded after a failed round). */
  protected readonly job = new ReportedIntervalJob(
    // Several instances: only the one holding the schedule's lease records (SHARED_STATE=postgres).
    () => this.asLeader('ledger-digests', this.config.digests.intervalMinutes, () => this.recordIfChanged(), undefined),
    () => this.config.digests.intervalMinutes > 0,
    () => this.clock?.now() ?? new Date(),
  );

  constructor(
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
    private readonly digester: LogHeadDigester,
    @Inject(CommandBus) private readonly commands: Pick<CommandBus, 'execute'>,
    @Optional() @Inject(CLOCK) private readonly clock?: Clock,
    @Optional() @Inject(SCHEDULE_LEADERSHIP) protected readonly leadership: ScheduleLeadership = new SoleLeader(),
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.digests.intervalMinutes);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  private async recordIfChanged(): Promise<void> {
    try {
      if ((await this.digester.head()).changedSinceLastDigest) {
        const result = await this.commands.execute(
          new RecordLedgerDigestCommand({ actor: DIGEST_SCHEDULER_ACTOR, correlationId: randomUUID() }),
        );
        this.logger.log(`Recorded ledger digest ${result.id}`);
      }
    } catch (err) {
      // Seen in the log; rethrown so the job retries it after a backoff (it never takes the service down).
      this.logger.error(`Scheduled ledger digest failed: ${(err as Error).message}`, (err as Error).stack);
      throw err;
    }
  }
}
