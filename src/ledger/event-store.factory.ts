import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import type { Clock } from '../shared/clock';
import type { EventStore } from './event-store.port';
import { MemoryEventStore } from './memory/memory-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export function ledgerFile(config: AppConfig): string {
  return join(config.dataDir, 'ledger.sqlite');
}

/**
 * How often the service's idle subscriptions look for appends by another process. None should come:
 * one process owns a data directory (its lock), and its own appends wake the subscriptions at once.
 * So this is a safety net only, kept slow: at 250 ms, the live subscriptions' empty reads were most of
 * the idle service's CPU (BENCHMARKS.md, Idle).
 */
const SERVICE_POLL_MS = 5_000;

/** Picks the engine named by LEDGER_STORE; the EventStoreDB client is only loaded when used. */
export function createEventStore(config: AppConfig, clock: Clock): EventStore {
  switch (config.store) {
    case 'memory':
      return new MemoryEventStore(clock);
    case 'sqlite':
      return new SqliteEventStore(
        {
          file: ledgerFile(config),
          synchronous: config.sqliteSynchronous,
          deadlineMs: config.storeDeadlineMs,
          pollMs: SERVICE_POLL_MS,
        },
        clock,
      );
    case 'esdb': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { EsdbEventStore } = require('./esdb/esdb-event-store') as typeof import('./esdb/esdb-event-store');
      return new EsdbEventStore(config.esdbConnectionString!, clock, config.storeDeadlineMs);
    }
  }
}
