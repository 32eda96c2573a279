import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CLOCK, type Clock } from '../../shared/clock';
import { IdempotencyPruner } from './idempotency-pruner';
import { IDEMPOTENCY_STORE, MemoryIdempotencyStore } from './idempotency.store';
import type { Pool } from 'pg';
import { SHARED_STATE_POOL } from '../../shared-state/shared-state.module';
import { PgIdempotencyStore } from './pg-idempotency.store';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

/**
 * Idempotency records: the responses the HTTP edge keeps so a retried request with the same
 * Idempotency-Key gets the same answer. An HTTP concern (the ledger makes retries safe by itself,
 * with keyed event ids), so provided here and not by the ledger; global for the response
 * interceptor and /health. Each answer is remembered IDEMPOTENCY_RETENTION_HOURS; IdempotencyPruner
 * deletes older ones.
 */
@Global()
@Module({
  providers: [
    {
      provide: IDEMPOTENCY_STORE,
      inject: [APP_CONFIG, SHARED_STATE_POOL, CLOCK],
      // Shared when several instances answer (SHARED_STATE=postgres), else beside the ledger.
      useFactory: (c: AppConfig, shared: Pool | undefined, clock: Clock) => {
        const window = { clock, hours: c.idempotencyRetentionHours };
        return shared
          ? new PgIdempotencyStore(shared, window)
          : c.store === 'memory'
            ? new MemoryIdempotencyStore(window)
            : new SqliteIdempotencyStore(join(c.dataDir, 'idempotency.sqlite'), c.storeDeadlineMs, window);
      },
    },
    IdempotencyPruner,
  ],
  exports: [IDEMPOTENCY_STORE],
})
export class IdempotencyModule implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: { close?: () => void }) {}

  onApplicationShutdown(): void {
    this.store.close?.();
  }
}
