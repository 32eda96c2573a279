import { Module } from '@nestjs/common';
import { DigestsModule } from '../ledger/digests/digests.module';
import { LogHeadDigester } from '../ledger/digests/log-head-digester';
import {
  DownloadEvidencePackController,
  DownloadEvidencePackHandler,
} from './commands/download-evidence-pack/download-evidence-pack';
import { ExtendPackAccessController, ExtendPackAccessHandler } from './commands/extend-pack-access/extend-pack-access';
import { GrantPackAccessController, GrantPackAccessHandler } from './commands/grant-pack-access/grant-pack-access';
import {
  RequestEvidencePackController,
  RequestEvidencePackHandler,
} from './commands/request-evidence-pack/request-evidence-pack';
import { RevokePackAccessController, RevokePackAccessHandler } from './commands/revoke-pack-access/revoke-pack-access';
import { EVIDENCE_DIGESTS } from './jobs/evidence-digests';
import { PACK_BUILDER } from './jobs/pack-builder.token';
import { PackJobRunner } from './jobs/pack-job-runner';
import { PackProgressTracker } from './jobs/pack-progress';
import { PackStorage } from './jobs/pack-storage';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { PgLeases } from '../shared-state/postgres/leases';
import { INSTANCE_ID, SHARED_STATE_LEASES, SHARED_STATE_POOL } from '../shared-state/shared-state.module';
import { PACK_FILES, type PackFiles } from './jobs/pack-files.port';
import { PgPackFiles } from './jobs/pg-pack-files';
import { PACK_QUEUE_LEADERSHIP, PackQueueLeadership } from './jobs/pack-queue-leadership';
import { buildPack } from './pack/build/build-pack';
import { GetEvidencePackController } from './queries/get-evidence-pack/get-evidence-pack.controller';
import { GetPackAccessLogController } from './queries/get-pack-access-log/get-pack-access-log.controller';
import { ListEvidencePacksController } from './queries/list-evidence-packs/list-evidence-packs.controller';
import { EvidencePackReader } from './queries/pack-reader';

/**
 * Evidence packs for inspectors and auditors: requests, the background build, named and expiring
 * grants, downloads and the access log. Each pack quotes the latest signed ledger digest covering
 * its last event (LogHeadDigester), so it can be checked offline against a published digest.
 */
@Module({
  imports: [DigestsModule],
  controllers: [
    RequestEvidencePackController,
    ListEvidencePacksController,
    GetEvidencePackController,
    DownloadEvidencePackController,
    GrantPackAccessController,
    RevokePackAccessController,
    ExtendPackAccessController,
    GetPackAccessLogController,
  ],
  providers: [
    RequestEvidencePackHandler,
    GrantPackAccessHandler,
    RevokePackAccessHandler,
    ExtendPackAccessHandler,
    DownloadEvidencePackHandler,
    EvidencePackReader,
    PackStorage,
    {
      provide: PACK_FILES,
      inject: [SHARED_STATE_POOL, SHARED_STATE_LEASES, PackStorage],
      // Shared when several instances answer (SHARED_STATE=postgres), else <dataDir>/packs.
      useFactory: (pool: Pool | undefined, leases: PgLeases | undefined, local: PackStorage): PackFiles =>
        pool && leases ? new PgPackFiles(pool, leases, local) : local,
    },
    {
      provide: PACK_QUEUE_LEADERSHIP,
      inject: [APP_CONFIG, SHARED_STATE_LEASES, INSTANCE_ID],
      // Embedded: none, this instance builds every pack.
      useFactory: (c: AppConfig, leases: PgLeases | undefined, instanceId: string) =>
        c.sharedState.kind === 'postgres' && leases
          ? new PackQueueLeadership(leases, instanceId, c.sharedState.leaderLeaseMs)
          : undefined,
    },
    PackProgressTracker,
    PackJobRunner,
    { provide: PACK_BUILDER, useValue: buildPack },
    { provide: EVIDENCE_DIGESTS, useExisting: LogHeadDigester },
  ],
})
export class EvidenceModule {}
