/**
 * Who runs a schedule (digests, retention) when several instances serve one ledger: exactly one at
 * a time. lead() runs the round only on the instance that holds the schedule's lease (taking it if
 * it is free or lapsed) and says whether it ran. The lease lasts `leaseMs`, renewed by each round
 * the holder runs, so a holder that dies is replaced at the first round due after it lapses.
 */
export interface ScheduleLeadership {
  lead<T>(schedule: string, leaseMs: number, round: () => Promise<T>): Promise<LeadOutcome<T>>;
}

export type LeadOutcome<T> = { ran: true; result: T } | { ran: false };

export const SCHEDULE_LEADERSHIP = Symbol('SCHEDULE_LEADERSHIP');

/** One instance (embedded state): it always leads. */
export class SoleLeader implements ScheduleLeadership {
  async lead<T>(_schedule: string, _leaseMs: number, round: () => Promise<T>): Promise<LeadOutcome<T>> {
    return { ran: true, result: await round() };
  }
}
