import { EsdbEventStore } from '../../src/ledger/esdb/esdb-event-store';
import type { Clock } from '../../src/shared/clock';
import { HANG_GUARD_MS } from './hang-guard';

/**
 * The store deadline for suites that are not about deadlines. The protocol fake serves from the
 * suite's own process, which a busy CI machine slows: whole-log reads and healthy writes met the
 * 5 s default there (a speed dependence). The deadline stays as a guard against a hung store.
 * Suites about deadlines set their own.
 */
export const TEST_STORE_DEADLINE_MS = HANG_GUARD_MS;

/** The EventStoreDB adapter on a test server (usually the protocol fake), with the test deadline. */
export function esdbTestStore(connectionString: string, clock: Clock): EsdbEventStore {
  return new EsdbEventStore(connectionString, clock, TEST_STORE_DEADLINE_MS);
}
