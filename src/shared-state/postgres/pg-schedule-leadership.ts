import type { LeadOutcome, ScheduleLeadership } from '../../shared/schedule-leadership';
import type { PgLeases } from './leases';

/**
 * Schedule leadership by lease rows in the shared PostgreSQL. Each round first takes or renews the
 * schedule's lease for this instance; if another instance holds it unexpired, the round is skipped
 * here. A deposed leader's late write to the ledger is refused there by the expected revision.
 */
export class PgScheduleLeadership implements ScheduleLeadership {
  constructor(
    private readonly leases: PgLeases,
    /** This instance, as lease rows name it: host and process, plus a random part per start. */
    readonly instanceId: string,
  ) {}

  async lead<T>(schedule: string, leaseMs: number, round: () => Promise<T>): Promise<LeadOutcome<T>> {
    const lease = await this.leases.acquire(schedule, this.instanceId, leaseMs);
    if (!lease) return { ran: false };
    return { ran: true, result: await round() };
  }
}
