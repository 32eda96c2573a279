import type { LeadOutcome, ScheduleLeadership } from '../schedule-leadership';

/**
 * A ScheduleLeadership for scheduler specs standing for several instances: it records each schedule
 * and lease asked for, and runs the round only while `leads` says this instance holds the lease.
 */
export class RecordingLeadership implements ScheduleLeadership {
  readonly asked: [schedule: string, leaseMs: number][] = [];
  leads = false;

  async lead<T>(schedule: string, leaseMs: number, round: () => Promise<T>): Promise<LeadOutcome<T>> {
    this.asked.push([schedule, leaseMs]);
    return this.leads ? { ran: true, result: await round() } : { ran: false };
  }
}
