import { businessDate } from '../calendar/business-date';
import { periodsBetween, type PeriodBounds, type PeriodKind } from './periods';
import type { EscalationView, StageMeasure } from './stage-measure';

export interface StageCounts {
  stage: number;
  /** Escalations that reached this stage in the period (stage 1: were raised). */
  entered: number;
  /** At this stage, unresolved, at the end of the period. */
  openAtEnd: number;
  /** Went over this stage's timescale in the period. */
  breached: number;
}

export interface PeriodSummary extends PeriodBounds {
  raised: number;
  resolved: number;
  closed: number;
  /** Unresolved at the end of the period (or at asOf, for the period asOf falls in). */
  openAtEnd: number;
  /** Escalations with a stage that went over its timescale in the period. */
  breached: number;
  byStage: StageCounts[];
}

export interface AgencyCounts {
  raised: number;
  open: number;
  resolved: number;
  closed: number;
  /** With any stage over its timescale by asOf. */
  breached: number;
}

export interface AgencySummary {
  agency: string;
  raisedBy: AgencyCounts;
  concerning: AgencyCounts;
}

export interface TrailSummaryOptions {
  kind: PeriodKind;
  from: string;
  to: string;
  asOf: string;
}

const date = (at: string | undefined) => (at === undefined ? undefined : businessDate(at));
const within = (at: string | undefined, start: string, end: string) => at !== undefined && at >= start && at <= end;
const onOrBefore = (at: string | undefined, end: string) => at !== undefined && at <= end;

function stageCounts(views: EscalationView[], stage: number, start: string, end: string): StageCounts {
  const at = (v: EscalationView): StageMeasure | undefined => v.stages.find((s) => s.stage === stage);
  const stages = views.map(at).filter((s): s is StageMeasure => s !== undefined);
  return {
    stage,
    entered: stages.filter((s) => within(date(s.startedAt), start, end)).length,
    // A resolution ends the stage it was resolved at, so "not ended by then" is also "unresolved".
    openAtEnd: stages.filter((s) => onOrBefore(date(s.startedAt), end) && !onOrBefore(date(s.endedAt), end)).length,
    breached: stages.filter((s) => within(s.breachedOn, start, end)).length,
  };
}

function periodSummary(views: EscalationView[], p: PeriodBounds, asOf: string, stageNumbers: number[]): PeriodSummary {
  const end = p.end < asOf ? p.end : asOf; // a period is only counted up to the date the trail is read at
  return {
    ...p,
    raised: views.filter((v) => within(date(v.raisedAt), p.start, end)).length,
    resolved: views.filter((v) => within(date(v.resolvedAt), p.start, end)).length,
    closed: views.filter((v) => within(date(v.closedAt), p.start, end)).length,
    openAtEnd: views.filter((v) => onOrBefore(date(v.raisedAt), end) && !onOrBefore(date(v.resolvedAt), end)).length,
    breached: views.filter((v) => v.stages.some((s) => within(s.breachedOn, p.start, end))).length,
    byStage: stageNumbers.map((n) => stageCounts(views, n, p.start, end)),
  };
}

const noCounts = (): AgencyCounts => ({ raised: 0, open: 0, resolved: 0, closed: 0, breached: 0 });

function count(counts: AgencyCounts, v: EscalationView): void {
  counts.raised++;
  counts[v.status]++;
  if (v.breached) counts.breached++;
}

/** Per agency, for the escalations raised from `from` to `to`, as they stand at asOf. */
function agencySummaries(views: EscalationView[], from: string, to: string): AgencySummary[] {
  const byAgency = new Map<string, AgencySummary>();
  const of = (agency: string) => {
    if (!byAgency.has(agency)) byAgency.set(agency, { agency, raisedBy: noCounts(), concerning: noCounts() });
    return byAgency.get(agency)!;
  };
  for (const v of views.filter((x) => within(date(x.raisedAt), from, to))) {
    count(of(v.raisedByAgency!).raisedBy, v);
    count(of(v.concerningAgency!).concerning, v);
  }
  return [...byAgency.values()].sort((a, b) => a.agency.localeCompare(b.agency));
}

/**
 * The escalation log's summary: per period (month or quarter) raised, resolved, open and breached,
 * by stage; per agency, raised by it and concerning it. `views` are the escalations as at asOf.
 */
export function summariseTrail(
  views: EscalationView[],
  o: TrailSummaryOptions,
): { periods: PeriodSummary[]; agencies: AgencySummary[] } {
  const to = o.to < o.asOf ? o.to : o.asOf;
  const stageNumbers = [...new Set(views.flatMap((v) => v.stages.map((s) => s.stage)))].sort((a, b) => a - b);
  return {
    periods: periodsBetween(o.from, to, o.kind).map((p) => periodSummary(views, p, o.asOf, stageNumbers)),
    agencies: agencySummaries(views, o.from, to),
  };
}
