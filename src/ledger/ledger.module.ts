import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../shared/clock';
import { CommandRunner } from './command-runner';
import { createEventStore } from './event-store.factory';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { LedgerController } from './http/ledger.controller';
import { IntegrityGate, VERIFIED_POINT_STORE } from './integrity/integrity-gate';
import { IntegrityHeaderHook } from './integrity/integrity-gate.http';
import { FileVerifiedPointStore, MemoryVerifiedPointStore } from './integrity/integrity-gate-point';

/** The ledger: the configured event store, the command runner and the integrity gate. */
@Global()
@Module({
  controllers: [LedgerController],
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, CLOCK],
      useFactory: (c: AppConfig, clock: Clock) => createEventStore(c, clock),
    },
    CommandRunner,
    // The start-up and periodic integrity check: writes wait for it and are refused once it fails.
    {
      provide: VERIFIED_POINT_STORE,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) =>
        c.store === 'memory' ? new MemoryVerifiedPointStore() : new FileVerifiedPointStore(c.dataDir),
    },
    IntegrityGate,
    IntegrityHeaderHook,
  ],
  exports: [EVENT_STORE, CommandRunner, IntegrityGate],
})
export class LedgerModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
