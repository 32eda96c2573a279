import {
  BeforeApplicationShutdown,
  Global,
  Inject,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { LogTreeFollower } from './log-tree-follower';
import { LogTreeStore } from './log-tree-store';
import { LOG_TREE } from './log-tree.port';

/** The tree's own file beside the ledger; the memory engine's tree lives (and dies) with the process. */
export const logTreeFile = (c: AppConfig): string =>
  c.store === 'memory' ? ':memory:' : join(c.dataDir, 'log-tree.sqlite');

/**
 * The log-level Merkle tree (LOG_TREE) for every engine: one follower keeping it beside the log,
 * started with the application and stopped before the event store closes. Global, since digests,
 * packs and the ledger's HTTP endpoints all read it.
 */
@Global()
@Module({
  providers: [
    { provide: LogTreeStore, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new LogTreeStore(logTreeFile(c)) },
    {
      provide: LogTreeFollower,
      inject: [EVENT_STORE, LogTreeStore],
      useFactory: (events: EventStore, store: LogTreeStore) => new LogTreeFollower(events, store),
    },
    { provide: LOG_TREE, useExisting: LogTreeFollower },
  ],
  exports: [LOG_TREE, LogTreeFollower],
})
export class LogTreeModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(LogTreeFollower) private readonly follower: LogTreeFollower,
    @Inject(LogTreeStore) private readonly store: LogTreeStore,
  ) {}

  onApplicationBootstrap(): void {
    this.follower.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.follower.stop();
  }

  onApplicationShutdown(): void {
    this.store.close();
  }
}
