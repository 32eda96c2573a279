import { occurredBy } from '../../../projections/as-of';
import { businessDate } from '../../../projections/calendar/business-date';
import type { StoredEvent } from '../../ledger/event-envelope';
import type { ReadModelStore } from '../read-model-store';
import type { AsOfAnswer } from './as-of-engine';

/** What a reader needs from a store: the as-of view answers the same two calls as ReadModelStore. */
export type ReadModelView = Pick<ReadModelStore, 'get' | 'scan'>;

/** The view an as-of answer computed, typed as what the readers read from. */
export const viewOf = (a: AsOfAnswer): ReadModelView => a.view;

export type TimeAxis = 'knownAt' | 'validAt';

/**
 * What the answer was computed from: the time axes asked (`axes`), the position knownAt resolved
 * to and when it was recorded, the business time validAt applied, and how much was replayed.
 */
export function provenance(a: AsOfAnswer) {
  const axes: TimeAxis[] = [];
  if (a.resolution.basis !== 'latest') axes.push('knownAt');
  if (a.resolution.validAt) axes.push('validAt');
  return { axes, ...a.resolution, snapshot: a.view.snapshot ?? null, replayed: a.replayed };
}

/**
 * The business date (England) the register is read at, for measures that need a date (working
 * days, breaches): validAt when given (what was true that day is measured that day); otherwise
 * knownAt's: a requested date as given, an instant as its London date, a position as the London
 * date it was recorded: the last event at or before the position (positions have gaps, so one may
 * name no event). A position before the first event has no date, so it is read at `today`.
 */
export function asOfBusinessDate(a: AsOfAnswer, today: () => string): string {
  const { basis, requested, recordedAt, validAt } = a.resolution;
  if (validAt) return businessDate(validAt.requested);
  if (basis === 'recorded' && requested !== undefined) return businessDate(requested);
  return recordedAt === undefined ? today() : businessDate(recordedAt);
}

/** Which events of the ledger up to the answer's position it applied: all, or (validAt) those that had happened by then. */
export function appliedBy(a: AsOfAnswer): ((event: StoredEvent) => boolean) | undefined {
  return a.resolution.validAt && occurredBy(a.resolution.validAt.through);
}
