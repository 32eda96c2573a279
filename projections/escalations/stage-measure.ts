import { CalendarRangeError, inCalendarRange } from '../calendar/bank-holidays-england-wales';
import { businessDate } from '../calendar/business-date';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days';
import type { EscalationTrailDoc, StagePeriod, TrailEntry } from './escalation-trail-doc';

/** A stage with its time in working days, measured to its end or (while open) to asOf. */
export interface StageMeasure extends StagePeriod {
  open: boolean;
  /** The date counted to: the stage's end, or asOf while it is open. */
  measuredTo: string;
  /** Null when a date is outside the calendar or the business times run backwards: never a guess. */
  workingDays: number | null;
  /** The last working day within the timescale (when the calendar reaches that far). */
  dueBy?: string;
  breached: boolean;
  /** The first working day beyond the timescale, when breached. */
  breachedOn?: string;
  unmeasured?: 'outside-calendar' | 'out-of-order';
}

/** An escalation as it stood at the end of asOf (a YYYY-MM-DD business date), with every stage measured. */
export interface EscalationView extends Omit<EscalationTrailDoc, 'stages' | 'timeline'> {
  asOf: string;
  currentStage: number;
  currentStageName: string;
  stages: StageMeasure[];
  /** True when any stage took (or has taken so far) longer than its timescale. */
  breached: boolean;
  breachedStages: number[];
  timeline: TrailEntry[];
}

/** dueBy is only a convenience: near the end of the calendar it is left out rather than refused. */
function dueBy(start: string, timescale: number): string | undefined {
  try {
    return addWorkingDays(start, timescale);
  } catch (e) {
    if (e instanceof CalendarRangeError) return undefined;
    throw e;
  }
}

export function measureStage(period: StagePeriod, asOf: string): StageMeasure {
  const open = period.endedAt === undefined;
  const start = businessDate(period.startedAt);
  const measuredTo = open ? asOf : businessDate(period.endedAt!);
  const base = { ...period, open, measuredTo };
  if (!inCalendarRange(start) || !inCalendarRange(measuredTo))
    return { ...base, workingDays: null, breached: false, unmeasured: 'outside-calendar' };
  if (measuredTo < start) return { ...base, workingDays: null, breached: false, unmeasured: 'out-of-order' };
  const workingDays = workingDaysBetween(start, measuredTo);
  const breached = workingDays > period.timescaleWorkingDays;
  const due = dueBy(start, period.timescaleWorkingDays);
  return {
    ...base,
    workingDays,
    ...(due ? { dueBy: due } : {}),
    breached,
    ...(breached ? { breachedOn: addWorkingDays(start, period.timescaleWorkingDays + 1) } : {}),
  };
}

/**
 * The escalation as at the end of `asOf`: only what had happened by then (by business date) counts,
 * so an inspector can ask what was open, and at which stage, on a past date. Undefined if it had
 * not been raised by then.
 */
export function viewAt(doc: EscalationTrailDoc, asOf: string): EscalationView | undefined {
  const by = (at: string | undefined): at is string => at !== undefined && businessDate(at) <= asOf;
  if (!doc.raised || !by(doc.raisedAt)) return undefined;
  const timeline = doc.timeline.filter((e) => by(e.occurredAt));
  const periods = doc.stages
    .filter((s) => by(s.startedAt))
    .map((s): StagePeriod => {
      const { endedAt, endedBy, acknowledgedAt, ...rest } = s;
      const responses = timeline.filter((e) => e.type === 'escalation-response-recorded' && e.stage === s.stage).length;
      return {
        ...rest,
        responses,
        ...(by(acknowledgedAt) ? { acknowledgedAt } : {}),
        ...(by(endedAt) ? { endedAt, endedBy } : {}),
      };
    });
  const stages = periods.map((p) => measureStage(p, asOf));
  const { stages: _s, timeline: _t, resolvedAt, closedAt, outcome, resolution, ...facts } = doc;
  const resolved = by(resolvedAt);
  const closed = by(closedAt);
  const current = stages[stages.length - 1];
  const breachedStages = stages.filter((s) => s.breached).map((s) => s.stage);
  return {
    ...facts,
    asOf,
    status: closed ? 'closed' : resolved ? 'resolved' : 'open',
    ...(resolved ? { resolvedAt, outcome, resolution } : {}),
    ...(closed ? { closedAt } : {}),
    currentStage: current.stage,
    currentStageName: current.stageName,
    stages,
    breached: breachedStages.length > 0,
    breachedStages,
    timeline,
  };
}
