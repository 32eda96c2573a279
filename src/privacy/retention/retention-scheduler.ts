import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { systemActor, type StoredEvent } from '../../ledger/event-envelope';
import { EVENT_STORE, type EventStore } from '../../ledger/event-store.port';
import { CLOCK, type Clock } from '../../shared/clock';
import { SCHEDULE_LEADERSHIP, SoleLeader, type ScheduleLeadership } from '../../shared/schedule-leadership';
import { ReportedIntervalJob } from '../../health/reported-interval-job';
import { ReportedSchedule } from '../../health/reported-schedule';
import { EraseDataSubjectCommand } from '../commands/erase-data-subject/erase-data-subject';
import { PersonalDataCipher } from '../personal-data-cipher';
import { subjectsPastRetention } from './retention-due';

/** The actor of retention erasures (a system actor, like the digest scheduler's: no token can carry it). */
export const RETENTION_ACTOR = systemActor('retention-scheduler');

/**
 * Every RETENTION_INTERVAL_MINUTES, destroys the keys of data subjects whose records are past their
 * retention period (RETENTION_ESCALATIONS_DAYS after closure), each destruction recorded as a
 * data-subject-erased event (basis "retention") by RETENTION_ACTOR. Stops on shutdown, waiting for
 * a round in progress. With several instances (SHARED_STATE=postgres) one leads each round.
 */
@Injectable()
export class RetentionScheduler
  extends ReportedSchedule<number>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(RetentionScheduler.name);
  /** Its rounds, and the last one's outcome for /health (degraded after a failed round). */
  protected readonly job = new ReportedIntervalJob(
    // Several instances: only the one holding the schedule's lease erases (SHARED_STATE=postgres).
    () => this.asLeader('retention', this.config.personalData.retentionIntervalMinutes, () => this.eraseDue(), 0),
    () =>
      this.config.personalData.retention.escalationsDays > 0 && this.config.personalData.retentionIntervalMinutes > 0,
    () => this.clock.now(),
  );

  constructor(
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cipher: PersonalDataCipher,
    @Inject(CommandBus) private readonly commands: Pick<CommandBus, 'execute'>,
    @Optional() @Inject(SCHEDULE_LEADERSHIP) protected readonly leadership: ScheduleLeadership = new SoleLeader(),
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    const { retentionIntervalMinutes, retention } = this.config.personalData;
    if (retention.escalationsDays > 0) this.job.start(retentionIntervalMinutes);
  }

  /** Before the key store closes (PrivacyModule, on shutdown). */
  beforeApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  private async eraseDue(): Promise<number> {
    const days = this.config.personalData.retention.escalationsDays;
    let erased = 0;
    try {
      const events = await this.escalationEvents();
      for (const { subjectId, records } of subjectsPastRetention(events, days, this.clock.now())) {
        if ((await this.cipher.liveVersions(subjectId)).length === 0) continue; // erased already, on request or earlier
        const reason = `Retention of ${days} days after closure ended for ${records.join(', ')}`;
        await this.commands.execute(
          new EraseDataSubjectCommand(
            { subjectId, basis: 'retention', reason },
            { actor: RETENTION_ACTOR, correlationId: randomUUID() },
          ),
        );
        erased++;
      }
      if (erased) this.logger.log(`Retention erased ${erased} data subject(s)`);
    } catch (err) {
      // Seen in the log; rethrown so the job retries it after a backoff (erasures already recorded
      // stay; the retry skips subjects with no live key). It never takes the service down.
      this.logger.error(
        `Retention round failed after ${erased} erasure(s): ${(err as Error).message}`,
        (err as Error).stack,
      );
      throw err;
    }
    return erased;
  }

  private async escalationEvents(): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for (let after: number | undefined; ;) {
      const page = await this.store.readAll({ after, maxCount: 1000, filter: { streamCategories: ['escalation'] } });
      out.push(...page);
      if (page.length < 1000) return out;
      after = page[page.length - 1].position;
    }
  }
}
