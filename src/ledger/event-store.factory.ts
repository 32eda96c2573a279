import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import type { Clock } from '../shared/clock';
import type { EventStore } from './event-store.port';
import { MemoryEventStore } from './memory/memory-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export function ledgerFile(config: AppConfig): string {
  return join(config.dataDir, 'ledger.sqlite');
}

/** Picks the engine named by LEDGER_STORE; the EventStoreDB client is only loaded when used. */
export function createEventStore(config: AppConfig, clock: Clock): EventStore {
  switch (config.store) {
    case 'memory':
      return new MemoryEventStore(clock);
    case 'sqlite':
      return new SqliteEventStore(
        { file: ledgerFile(config), synchronous: config.sqliteSynchronous, deadlineMs: config.storeDeadlineMs },
        clock,
      );
    case 'esdb': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { EsdbEventStore } = require('./esdb/esdb-event-store') as typeof import('./esdb/esdb-event-store');
      return new EsdbEventStore(config.esdbConnectionString!, clock, config.storeDeadlineMs);
    }
  }
}
