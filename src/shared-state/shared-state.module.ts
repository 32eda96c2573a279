import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { SCHEDULE_LEADERSHIP, SoleLeader } from '../shared/schedule-leadership';
import { PgLeases } from './postgres/leases';
import { migrate } from './postgres/migrate';
import { openSharedStatePool } from './postgres/pg-pool';
import { PgScheduleLeadership } from './postgres/pg-schedule-leadership';

/** The shared PostgreSQL pool when SHARED_STATE=postgres; undefined when state is embedded. */
export const SHARED_STATE_POOL = Symbol('SHARED_STATE_POOL');
/** Lease rows with fencing tokens (PgLeases) when SHARED_STATE=postgres; undefined when state is embedded. */
export const SHARED_STATE_LEASES = Symbol('SHARED_STATE_LEASES');
/** This instance, as lease rows name it: host and process, plus a random part per start. */
export const INSTANCE_ID = Symbol('INSTANCE_ID');

/**
 * State that several instances must agree on (src/shared-state). With SHARED_STATE=postgres the
 * schema is migrated before anything else starts, so a database that cannot be reached or is ahead
 * of this build stops the start with its reason instead of failing the first request.
 */
@Global()
@Module({
  providers: [
    {
      provide: SHARED_STATE_POOL,
      inject: [APP_CONFIG],
      useFactory: async (c: AppConfig): Promise<Pool | undefined> => {
        if (c.sharedState.kind !== 'postgres') return undefined;
        const logger = new Logger('SharedState');
        const pool = openSharedStatePool(
          c.sharedState.databaseUrl,
          (error) => logger.warn(`A pooled PostgreSQL connection ended: ${error.message}`),
          { deadlineMs: c.storeDeadlineMs },
        );
        const applied = await migrate(pool);
        if (applied.length > 0) logger.log(`Shared-state migrations applied: ${applied.join(', ')}`);
        return pool;
      },
    },
    { provide: INSTANCE_ID, useFactory: () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` },
    {
      provide: SHARED_STATE_LEASES,
      inject: [SHARED_STATE_POOL],
      useFactory: (pool: Pool | undefined) => (pool ? new PgLeases(pool) : undefined),
    },
    {
      provide: SCHEDULE_LEADERSHIP,
      inject: [SHARED_STATE_LEASES, INSTANCE_ID],
      useFactory: (leases: PgLeases | undefined, instanceId: string) =>
        leases ? new PgScheduleLeadership(leases, instanceId) : new SoleLeader(),
    },
  ],
  exports: [SHARED_STATE_POOL, SHARED_STATE_LEASES, INSTANCE_ID, SCHEDULE_LEADERSHIP],
})
export class SharedStateModule implements OnApplicationShutdown {
  constructor(@Inject(SHARED_STATE_POOL) private readonly pool: Pool | undefined) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
