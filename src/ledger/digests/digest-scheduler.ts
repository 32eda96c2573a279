import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { IntervalJobStatus } from '../../shared/interval-job';
import { CLOCK, type Clock } from '../../shared/clock';
import { SCHEDULE_LEADERSHIP, SoleLeader, type ScheduleLeadership } from '../../shared/schedule-leadership';
import type { HealthReporter, PartHealth } from '../../health/part-health';
import { ReportedIntervalJob } from '../../health/reported-interval-job';
import type { Actor } from '../event-envelope';
import { RecordLedgerDigestCommand } from './commands/record-ledger-digest/record-ledger-digest';
import { LogHeadDigester } from './log-head-digester';

/**
 * The actor of scheduled digests. 'system' is deliberately not one of ROLES: no token can carry it
 * (the token verifier refuses unknown roles) and it holds no permission, so it only ever appears here.
 */
export const DIGEST_SCHEDULER_ACTOR: Actor = { userId: 'ledger-digest-scheduler', role: 'system', agency: 'ledger' };

type Executor = Pick<CommandBus, 'execute'>;

/**
 * Records a digest every DIGEST_INTERVAL_MINUTES (0: never) when anything but digests was written
 * since the last one, so a quiet ledger does not fill with digests of digests. Stops on shutdown,
 * waiting for a digest in progress so the store is not closed under it.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown, HealthReporter {
  private readonly logger = new Logger(DigestScheduler.name);
  /** Its rounds, and the last one's outcome for /health (degraded after a failed round). */
  private readonly job = new ReportedIntervalJob(
    // Several instances: only the one holding the schedule's lease records (SHARED_STATE=postgres).
    async () => {
      await this.leadership.lead('ledger-digests', this.leaseMs(), () => this.recordIfChanged());
    },
    () => this.config.digests.intervalMinutes > 0,
    () => this.clock?.now() ?? new Date(),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly digester: LogHeadDigester,
    @Inject(CommandBus) private readonly commands: Executor,
    @Optional() @Inject(CLOCK) private readonly clock?: Clock,
    @Optional() @Inject(SCHEDULE_LEADERSHIP) private readonly leadership: ScheduleLeadership = new SoleLeader(),
  ) {}

  /** The lease outlasts one interval by the configured margin, so a live leader keeps it between rounds. */
  private leaseMs(): number {
    const margin = this.config.sharedState.kind === 'postgres' ? this.config.sharedState.leaderLeaseMs : 0;
    return this.config.digests.intervalMinutes * 60_000 + margin;
  }

  health(): PartHealth {
    return this.job.health();
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.digests.intervalMinutes);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** Resolves when no round is running (for shutdown, and for tests driving the timer). */
  settled(): Promise<void> {
    return this.job.settled();
  }

  /** One scheduled round; a round still running when the next is due is not doubled up. */
  tick(): Promise<void> {
    return this.job.tick();
  }

  /** Scheduled, running, or retrying a failed round (with the attempt and the error), for /health. */
  status(): IntervalJobStatus {
    return this.job.status();
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
