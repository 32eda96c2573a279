import type { DomainEvent } from '../shared/decider';
import type { ServedRecord, ServedKind } from '../shared/serves';
import type { Aggregate } from './aggregate';

/**
 * Checks that the records a new action, decision or sign-off cites (`serves`) exist: the citing
 * contexts' handlers ask it and hand what it could not find to their pure deciders. The ledger owns
 * the port; src/served-records.module.ts implements it from the contexts that own each kind
 * (CITABLE_SOURCES), so actions, decisions and sign-offs never import case reviews, inspections or audits.
 */
export interface ServedRecordsPort {
  /** The citations whose record is not in the ledger; kinds no source checks yet are taken as given. */
  missing(serves: readonly ServedRecord[]): Promise<ServedRecord[]>;
}

export const SERVED_RECORDS = Symbol('SERVED_RECORDS');

/**
 * How one context answers for the kinds it owns: which stream holds a citation's record (the case
 * review of a finding) and whether that stream's folded state holds it. Pure, so it lives in the
 * owning context's domain and is exported through its index.
 */
export interface CitableSource<E extends DomainEvent = DomainEvent, S = unknown> {
  kinds: readonly ServedKind[];
  /** The aggregate whose stream holds the cited record. */
  aggregate: Aggregate<never, E, S>;
  /** The id of that stream. */
  streamIdOf(record: ServedRecord): string;
  /** Whether the folded state holds the cited record (the stream may exist without it, e.g. a finding). */
  holds(state: S, record: ServedRecord): boolean;
}
