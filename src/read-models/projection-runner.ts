import { Logger } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { Projection } from '../../projections/projection';
import type { EventStore } from '../ledger/event-store.port';
import {
  Retrier,
  defaultRetryPolicy,
  systemTimers,
  type RetryPolicy,
  type RetryStatus,
  type RetryTimers,
} from '../shared/retry-policy';
import { ProjectionWorker, type BatchOptions, type WorkerListener, type WorkerState } from './projection-worker';
import type { SwitchOverHook } from './projection-worker';
import { ProjectionFeeds, type ProjectionChange, type ProjectionFeed } from './projection-feed';
import { SharedCatchUp } from './shared-catch-up';
import type { ReadModelStore } from './read-model-store';

/** The feed's types, where the runner's callers (the streams, the tests) have always found them. */
export type { ProjectionChange, ProjectionFeed, ProjectionSwitchOver } from './projection-feed';

/** A new version building beside the served one (blue-green): queries answer from `servedVersion` until it switches over. */
export interface ProjectionRebuild {
  servedVersion: number;
}

export interface ProjectionLag {
  projection: string;
  version: number;
  rebuild?: ProjectionRebuild;
  state: WorkerState;
  checkpoint: number | null;
  /** Last log position seen when counting (the checkpoint when caught up). */
  lastLogPosition: number | null;
  /** Events in the log after the checkpoint, counted up to LAG_SCAN. */
  behind: number;
  behindAtLeast: boolean;
  rebuiltFrom?: number;
  error?: string;
  /** While retrying: the attempt, when the next starts, and the last error. */
  retry?: RetryStatus;
}

/** A projection's state without touching the store (lag() reads the log; this cannot fail). */
export interface ProjectionState {
  projection: string;
  version: number;
  rebuild?: ProjectionRebuild;
  state: WorkerState;
  checkpoint: number | null;
  error?: string;
  retry?: RetryStatus;
}

export interface RunnerOptions extends Partial<BatchOptions> {
  /** Backoff between a failed run and the next (default: 0.25 s doubling to 10 s, jittered). */
  retryPolicy?: RetryPolicy;
  retryTimers?: RetryTimers;
  /** Awaited before a version built beside the served one replaces it (default: at once, once caught up). */
  beforeSwitchOver?: SwitchOverHook;
}

/** How far /health counts: beyond this, "at least" is enough to tell an operator. */
const LAG_SCAN = 1000;

interface Waiter {
  position: number;
  resolve(): void;
  reject(e: Error): void;
}

/** Runs every registered projection from its checkpoint, one catch-up subscription each. */
export class ProjectionRunner {
  private readonly feeds: ProjectionFeeds;
  private readonly workers: ProjectionWorker<unknown>[];
  private readonly waiters = new Set<Waiter>();
  private readonly logger = new Logger('ProjectionRunner');

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    projections: Projection<unknown>[],
    options: RunnerOptions = {},
  ) {
    this.feeds = new ProjectionFeeds(store);
    const listener: WorkerListener<unknown> = {
      committed: (projection, position, docs, changedAt) => {
        this.feeds.committed(projection, position, docs, changedAt);
        this.settleWaiters();
      },
      switchedOver: (projection, version, position) => {
        this.feeds.switchedOver(projection, version, position);
        this.settleWaiters();
      },
      failed: (projection, error, retry) => {
        this.logger.error(
          `Projection ${projection} failed (attempt ${retry.attempt}), retrying from its checkpoint at ${retry.nextRetryAt}: ${error.message}`,
          error.stack,
        );
        this.settleWaiters();
      },
    };
    // A caller that sets batchSize alone (the tests) keeps that size throughout; by default a
    // projection far behind commits every 20,000 events or 500 ms, and every 500 or 50 ms once live.
    // A rebuild from empty commits every 50,000 events, by count alone: 100,000 was no faster and
    // peaked ~150-200 MB higher at 300k events (BENCHMARKS.md, Rebuild against its hand-written limit).
    const batchSize = options.batchSize ?? 500;
    const catchUpBatchSize = options.catchUpBatchSize ?? (options.batchSize === undefined ? 20_000 : batchSize);
    const batch: BatchOptions = {
      batchSize,
      batchMs: options.batchMs ?? 50,
      catchUpBatchSize,
      catchUpMs: options.catchUpMs ?? 500,
      rebuildBatchSize:
        options.rebuildBatchSize ??
        (options.batchSize === undefined && options.catchUpBatchSize === undefined ? 50_000 : catchUpBatchSize),
    };
    // The store, except that subscriptions catch up through the shared pages.
    const shared = new SharedCatchUp(events);
    const source: EventStore = {
      append: (s, e, x) => events.append(s, e, x),
      readStream: (s, o) => events.readStream(s, o),
      readAll: (o) => events.readAll(o),
      headPosition: () => events.headPosition(),
      lastEventAtOrBefore: (p) => events.lastEventAtOrBefore(p),
      subscribe: (o) => (o?.filter ? events.subscribe(o) : shared.subscribe(o)),
      ping: () => events.ping(),
      close: () => events.close(),
    };
    const policy = options.retryPolicy ?? defaultRetryPolicy();
    const timers = options.retryTimers ?? systemTimers;
    this.workers = projections.map(
      (p) =>
        new ProjectionWorker(
          p,
          source,
          store,
          batch,
          listener,
          shared,
          new Retrier(policy, timers),
          options.beforeSwitchOver,
        ),
    );
  }

  /**
   * Before start(): every projection whose checkpoint names a position beyond the ledger's head
   * (`head` undefined: an empty ledger) is reset, to be rebuilt from the ledger by start(). Such a
   * checkpoint means the ledger lost events the read models had applied (a lost tail); followed from
   * there, the new events that reuse those positions would never be applied. Compared, never computed.
   */
  resetAhead(
    head: number | undefined,
  ): { readModel: string; checkpoint: number; head: number | null; rebuilt: true }[] {
    const ahead = [];
    for (const { projection } of this.workers) {
      this.store.dropBuildsAhead(projection.name, head); // a build beside the served version starts again too
      const checkpoint = this.store.checkpoint(projection.name)?.position;
      if (checkpoint === undefined || (head !== undefined && checkpoint <= head)) continue;
      this.store.reset(projection.name, projection.version);
      ahead.push({ readModel: projection.name, checkpoint, head: head ?? null, rebuilt: true as const });
      this.logger.warn(
        `Projection ${projection.name} stood at position ${checkpoint}, beyond the ledger's head (${head ?? 'empty'}): rebuilding it from the ledger`,
      );
    }
    return ahead;
  }

  start(): void {
    for (const w of this.workers) {
      w.start();
      if (w.building)
        this.logger.log(
          `Rebuilding ${w.projection.name}: version ${w.projection.version} builds beside version ${w.building.servedVersion}, which answers queries until it is caught up`,
        );
    }
  }

  /** Stops every subscription (each commits what it holds), then ends the change stream. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
    this.settleWaiters();
    this.feeds.complete();
  }

  /** Committed documents of one projection, as they are written. */
  changesOf<D>(projection: string): Observable<ProjectionChange<D>> {
    return this.feeds.changesOf(projection);
  }

  /** Committed documents of one projection as they are written, and its switch-overs to a new version. */
  feedOf<D>(projection: string): Observable<ProjectionFeed<D>> {
    return this.feeds.feedOf(projection);
  }

  /**
   * Resolves once every projection has applied the event at `position` (e.g. an append's result)
   * in the documents it serves (a version building beside the served one counts once it switches over).
   * A retrying projection may still get there, so only the timeout (saying why) or stop() rejects.
   */
  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const retrying = this.workers
          .filter((w) => w.state === 'retrying')
          .map((w) => `; ${w.projection.name} is retrying: ${w.error?.message}`);
        reject(new Error(`Read models did not reach position ${position} within ${timeoutMs} ms${retrying.join('')}`));
      }, timeoutMs);
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.add(waiter);
      this.settleWaiters();
    });
  }

  /** Each projection as it stands, without reading the log: /health reports it even when the store is down. */
  states(): ProjectionState[] {
    return this.workers.map((w) => ({
      projection: w.projection.name,
      version: w.projection.version,
      ...(w.building ? { rebuild: { servedVersion: w.building.servedVersion } } : {}),
      state: w.state,
      checkpoint: w.checkpoint ?? null,
      ...(w.error ? { error: w.error.message } : {}),
      ...(w.retry ? { retry: w.retry } : {}),
    }));
  }

  async lag(): Promise<ProjectionLag[]> {
    return Promise.all(
      this.workers.map(async (w) => {
        const after = await this.events.readAll({ after: w.checkpoint, maxCount: LAG_SCAN });
        return {
          projection: w.projection.name,
          version: w.projection.version,
          ...(w.building ? { rebuild: { servedVersion: w.building.servedVersion } } : {}),
          state: w.state,
          checkpoint: w.checkpoint ?? null,
          lastLogPosition: after.at(-1)?.position ?? w.checkpoint ?? null,
          behind: after.length,
          behindAtLeast: after.length === LAG_SCAN,
          ...(w.rebuiltFrom !== undefined ? { rebuiltFrom: w.rebuiltFrom } : {}),
          ...(w.error ? { error: w.error.message } : {}),
          ...(w.retry ? { retry: w.retry } : {}),
        };
      }),
    );
  }

  private settleWaiters(): void {
    // Only a stopped worker can never get there; a retrying one may (waitFor's timeout covers it).
    const stuck = this.workers.find((w) => w.state === 'stopped');
    for (const waiter of this.waiters) {
      if (this.workers.every((w) => w.served !== undefined && w.served >= waiter.position)) waiter.resolve();
      else if (stuck)
        waiter.reject(
          new Error(
            `Projection ${stuck.projection.name} is ${stuck.state}${stuck.error ? `: ${stuck.error.message}` : ''}`,
          ),
        );
      else continue;
      this.waiters.delete(waiter);
    }
  }
}
