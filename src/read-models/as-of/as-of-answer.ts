import { businessDate } from '../../../projections/calendar/business-date';
import type { ReadModelStore } from '../read-model-store';
import type { AsOfAnswer } from './as-of-engine';

/** What a reader needs from a store: the as-of view answers the same two calls as ReadModelStore. */
export type ReadModelView = Pick<ReadModelStore, 'get' | 'scan'>;

/** The view an as-of answer computed, typed as what the readers read from. */
export const viewOf = (a: AsOfAnswer): ReadModelView => a.view;

/** What the answer was computed from: the position, when it was recorded, and how much was replayed. */
export function provenance(a: AsOfAnswer) {
  return { ...a.resolution, snapshot: a.view.snapshot ?? null, replayed: a.replayed };
}

/**
 * The business date (England) the register is read at, for measures that need a date (working
 * days, breaches): a requested date as given, an instant as its London date, a position as the
 * London date it was recorded: the last event at or before the position (positions have gaps, so
 * one may name no event). A position before the first event has no date, so it is read at `today`.
 */
export function asOfBusinessDate(a: AsOfAnswer, today: () => string): string {
  const { basis, requested, recordedAt } = a.resolution;
  if (basis === 'recorded') return businessDate(requested);
  return recordedAt === undefined ? today() : businessDate(recordedAt);
}
