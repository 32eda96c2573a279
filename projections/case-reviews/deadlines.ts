import { deadlineRuleFor, type CaseReviewType, type DeadlineMilestone, type DelayReason } from '../../src/case-reviews';
import { CalendarRangeError, inCalendarRange } from '../calendar/bank-holidays-england-wales';
import { addWorkingDays, nextDay, workingDaysBetween } from '../calendar/working-days';
import type { CaseReviewDoc } from './case-review-doc';
import { addMonths } from '../../src/shared/calendar-months';

export { addMonths };

/**
 * A statutory clock read at a measuring date (the end of that business day in England). Pure: the
 * date is given, never read from a clock. met: done by the due date; late: done after it; due: not
 * done, time remains; breached: not done and the due date has passed; delayed: a recorded delay
 * (e.g. pending an inquest) holds the clock, shown with its reason, never as a breach.
 */
export type DeadlineStatus = 'met' | 'late' | 'due' | 'breached' | 'delayed' | 'unmeasured';

export interface DeadlineView {
  milestone: DeadlineMilestone;
  /** The configuration row it was measured by: version, effective date and source. */
  rule: { version: string; effectiveFrom: string; source: string; workingDays?: number; months?: number };
  startedOn: string;
  dueBy?: string;
  doneOn?: string;
  status: DeadlineStatus;
  /** While due: working days (or, for a months rule, calendar days) from the measuring date to dueBy. */
  daysRemaining?: number;
  /** When breached: the first day it was overdue. */
  breachedOn?: string;
  delay?: { delayedOn: string; reason: DelayReason; detail: string; reviewOn: string; reviewOverdue: boolean };
}

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

function dueDate(startedOn: string, rule: { workingDays?: number; months?: number }): string | undefined {
  if (rule.months !== undefined) return addMonths(startedOn, rule.months);
  if (!inCalendarRange(startedOn)) return undefined;
  try {
    return addWorkingDays(startedOn, rule.workingDays!);
  } catch (e) {
    if (e instanceof CalendarRangeError) return undefined;
    throw e;
  }
}

interface Clock {
  milestone: DeadlineMilestone;
  type: CaseReviewType;
  startedOn: string;
  doneOn?: string;
  delay?: CaseReviewDoc['delays'][number];
}

export function measureDeadline(clock: Clock, on: string): DeadlineView | undefined {
  const rule = deadlineRuleFor(clock.milestone, clock.type, clock.startedOn);
  if (!rule) return undefined;
  const { version, effectiveFrom, source, workingDays, months } = rule;
  const base = {
    milestone: clock.milestone,
    rule: { version, effectiveFrom, source, ...(workingDays ? { workingDays } : {}), ...(months ? { months } : {}) },
    startedOn: clock.startedOn,
  };
  const dueBy = dueDate(clock.startedOn, rule);
  if (dueBy === undefined) return { ...base, status: 'unmeasured' };
  const done = clock.doneOn !== undefined && clock.doneOn <= on ? clock.doneOn : undefined;
  if (done) return { ...base, dueBy, doneOn: done, status: done <= dueBy ? 'met' : 'late' };
  if (clock.delay && clock.delay.delayedOn <= on)
    return { ...base, dueBy, status: 'delayed', delay: { ...clock.delay, reviewOverdue: on > clock.delay.reviewOn } };
  if (on > dueBy) return { ...base, dueBy, status: 'breached', breachedOn: nextDay(dueBy) };
  const daysRemaining =
    months !== undefined
      ? Math.round((utc(dueBy) - utc(on)) / DAY_MS)
      : on >= clock.startedOn && inCalendarRange(on) // a date past the bank holiday table is not counted, never guessed
        ? workingDaysBetween(on, dueBy)
        : undefined;
  return { ...base, dueBy, status: 'due', ...(daysRemaining !== undefined ? { daysRemaining } : {}) };
}

/** Every clock the review runs, read at `on`: notification and rapid review from awareness, publication from commissioning. */
export function measureDeadlines(doc: CaseReviewDoc, on: string): DeadlineView[] {
  if (!doc.type || !doc.awareOn) return [];
  const { type, awareOn } = doc;
  const clocks: Clock[] = [
    { milestone: 'notification', type, startedOn: awareOn, doneOn: doc.notifiedOn },
    { milestone: 'rapid-review', type, startedOn: awareOn, doneOn: doc.rapidReview?.completedOn },
  ];
  if (doc.commissioning?.commission)
    clocks.push({
      milestone: 'publication',
      type,
      startedOn: doc.commissioning.decidedOn,
      doneOn: doc.publication?.publishedOn,
      delay: doc.delays.filter((d) => d.delayedOn <= on).at(-1),
    });
  return clocks.map((c) => measureDeadline(c, on)).filter((d): d is DeadlineView => d !== undefined);
}
