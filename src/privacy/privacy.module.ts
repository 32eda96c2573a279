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
      provide: SubjectKeyStore,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new SubjectKeyStore(keyStoreFile(c), loadMasterKey(c), c.storeDeadlineMs),
    },
    {
      provide: PersonalDataCipher,
      inject: [SubjectKeyStore],
      useFactory: (keys: SubjectKeyStore) => new PersonalDataCipher(keys),
    },
    // The ledger's sealer port: the CommandRunner seals through it without importing privacy.
    { provide: PERSONAL_DATA_SEALER, useExisting: PersonalDataCipher },
    EraseDataSubjectHandler,
    RetentionScheduler,
  ],
  exports: [PersonalDataCipher, PERSONAL_DATA_SEALER],
})
export class PrivacyModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly keys: SubjectKeyStore,
    private readonly cipher: PersonalDataCipher,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Every recorded erasure is applied again: a crash between recording one and destroying its keys leaves none behind. */
  async onApplicationBootstrap(): Promise<void> {
    for (const e of await this.store.readAll({ filter: { streamCategories: [DataSubject.category] } })) {
      const { subjectId, keyVersions } = DataSubject.codec.decode(e).data;
      for (const v of keyVersions) this.cipher.erase(subjectId, v);
    }
  }

  onApplicationShutdown(): void {
    this.keys.close();
  }
}
