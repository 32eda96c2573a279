import { Global, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_STORE, type EventStore } from '../ledger/event-store.port';
import { EraseDataSubjectController, EraseDataSubjectHandler } from './commands/erase-data-subject/erase-data-subject';
import { DataSubject } from './domain/data-subject';
import { loadMasterKey } from './master-key';
import { PERSONAL_DATA_SEALER } from '../ledger/personal-data-sealer.port';
import { PersonalDataCipher } from './personal-data-cipher';
import { RetentionScheduler } from './retention/retention-scheduler';
import { SubjectKeyStore } from './subject-key-store';
import { SUBJECT_KEYS, type SubjectKeys } from './subject-keys.port';
import { PgSubjectKeyStore } from './pg-subject-key-store';
import type { Pool } from 'pg';
import { SHARED_STATE_POOL } from '../shared-state/shared-state.module';

export function keyStoreFile(config: AppConfig): string {
  return config.store === 'memory' ? ':memory:' : join(config.dataDir, 'keys.sqlite');
}

/**
 * Personal data in the ledger: the cipher the CommandRunner seals with and readers reveal with (global,
 * so both find it), the key store apart from the log, erasure on request and by retention.
 * The master key is loaded at start: a missing one in production stops the start naming PERSONAL_DATA_MASTER_KEY_FILE.
 */
@Global()
@Module({
  controllers: [EraseDataSubjectController],
  providers: [
    {
      provide: SUBJECT_KEYS,
      inject: [APP_CONFIG, SHARED_STATE_POOL],
      // Shared when several instances answer (SHARED_STATE=postgres), else a file beside the ledger.
      useFactory: (c: AppConfig, shared: Pool | undefined): SubjectKeys =>
        shared
          ? new PgSubjectKeyStore(shared, loadMasterKey(c))
          : new SubjectKeyStore(keyStoreFile(c), loadMasterKey(c), c.storeDeadlineMs),
    },
    {
      provide: PersonalDataCipher,
      inject: [SUBJECT_KEYS],
      useFactory: (keys: SubjectKeys) => new PersonalDataCipher(keys),
    },
    // The ledger's sealer port: the CommandRunner seals through it without importing privacy.
    { provide: PERSONAL_DATA_SEALER, useExisting: PersonalDataCipher },
    EraseDataSubjectHandler,
    RetentionScheduler,
  ],
  exports: [PersonalDataCipher, PERSONAL_DATA_SEALER, SUBJECT_KEYS],
})
export class PrivacyModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeys,
    private readonly cipher: PersonalDataCipher,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Every recorded erasure is applied again: a crash between recording one and destroying its keys leaves none behind. */
  async onApplicationBootstrap(): Promise<void> {
    for (const e of await this.store.readAll({ filter: { streamCategories: [DataSubject.category] } })) {
      const { subjectId, keyVersions } = DataSubject.codec.decode(e).data;
      for (const v of keyVersions) await this.cipher.erase(subjectId, v);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.keys.close();
  }
}
