import type { Projection } from '../../projections/projection';
import type { StoredEvent } from '../ledger/event-envelope';
import type { EventStore, Subscription } from '../ledger/event-store.port';
import { ProjectionBatch } from './projection-batch';
import type { ReadModelStore } from './read-model-store';
import type { SharedCatchUp } from './shared-catch-up';

export interface BatchOptions {
  /** Live (near the head of the log): commit after this many events... */
  batchSize: number;
  /** ...or once the oldest uncommitted event has waited this long. */
  batchMs: number;
  /**
   * Catching up (at least this many events behind the head): commit after this many events, or
   * after catchUpMs, so a rebuild writes each document once per large transaction, not once per
   * small batch. Documents and checkpoint still go in one transaction either way.
   */
  catchUpBatchSize: number;
  catchUpMs: number;
}

export type WorkerState = 'idle' | 'running' | 'stopped' | 'failed';

export interface WorkerListener<D> {
  committed(projection: string, position: number, docs: Map<string, D>): void;
  failed(projection: string, error: Error): void;
}

const TIMEOUT = Symbol('timeout');

/** Resolves with the next event, or TIMEOUT after `ms`: the pending `next()` is kept, not lost. */
function within<T>(pending: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMEOUT>((resolve) => { timer = setTimeout(() => resolve(TIMEOUT), Math.max(0, ms)); });
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
}

/** One projection's catch-up loop: subscribe from the checkpoint, apply in batches, commit atomically. */
export class ProjectionWorker<D> {
  state: WorkerState = 'idle';
  error?: Error;
  checkpoint: number | undefined;
  /** Set when this start dropped documents another version wrote (and so rebuilds from the start). */
  rebuiltFrom?: number;
  private subscription?: Subscription;
  private loop?: Promise<void>;
  private stopping = false;

  constructor(
    readonly projection: Projection<D>,
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly options: BatchOptions,
    private readonly listener: WorkerListener<D>,
    /** Pages of the log shared with the other projections, for the page-by-page catch-up. */
    private readonly pages?: Pick<SharedCatchUp, 'page' | 'pageSize'>,
  ) {}

  start(): void {
    const { name, version } = this.projection;
    const stored = this.store.checkpoint(name);
    if (stored?.version !== version) {
      // New projection or a changed evolve: its old documents cannot be trusted, rebuild from the start.
      this.store.reset(name, version);
      this.rebuiltFrom = stored?.version;
    }
    this.checkpoint = stored?.version === version ? stored.position : undefined;
    this.state = 'running';
    this.loop = this.run().catch((err: unknown) => this.fail(err as Error));
  }

  /** Stops the page-by-page catch-up or closes the subscription; the loop then commits what it holds and ends. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.loop;
    if (this.state === 'running') this.state = 'stopped';
  }

  private async run(): Promise<void> {
    // No checkpoint: the projection holds no documents yet (a new projection, or a version reset).
    const batch = new ProjectionBatch(this.projection, this.store, this.checkpoint === undefined);
    const applied = await this.catchUpByPage(batch);
    if (this.stopping) return this.commit(batch);
    const subscription = (this.subscription = this.events.subscribe({ after: applied }));
    await this.follow(subscription, batch);
  }

  /**
   * Far behind the head (a rebuild, or a restart after downtime): whole shared pages, each applied
   * in one synchronous pass, with no per-event await. Stops near the head (or on stop()) and returns
   * the last position applied; the subscription takes over from there.
   */
  private async catchUpByPage(batch: ProjectionBatch<D>): Promise<number | undefined> {
    let applied = this.checkpoint;
    if (!this.pages) return applied;
    let target = await this.catchUpTarget();
    while (target !== undefined && !this.stopping) {
      const page = await this.pages.page(applied ?? -1);
      const now = Date.now();
      for (const event of page) {
        batch.apply(event, now);
        this.store.noteRecorded(this.projection.name, event.metadata.recordedAt, event.position);
        applied = event.position;
        if (event.position < target && batch.size < this.options.catchUpBatchSize && now - batch.startedAt < this.options.catchUpMs) continue;
        this.commit(batch);
        target = await this.catchUpTarget();
        if (target === undefined || this.stopping) break;
      }
      if (page.length < this.pages.pageSize) break;
    }
    if (target === undefined) batch.settle();
    return applied;
  }

  /** Event by event from the subscription: small batches near the head, large ones when it falls behind. */
  private async follow(subscription: Subscription, batch: ProjectionBatch<D>): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    const { batchSize, batchMs, catchUpMs } = this.options;
    let pending: Promise<IteratorResult<StoredEvent>> | undefined;
    // Catching up: commit once the batch reaches `target` (the head when last asked: already in the log).
    let target = await this.catchUpTarget();
    for (;;) {
      pending ??= iterator.next();
      // While catching up the next events are already in the log, so waiting cannot hold a batch back: no timer.
      const result = batch.empty || target !== undefined ? await pending : await within(pending, batch.startedAt + batchMs - Date.now());
      if (result === TIMEOUT) {
        this.commit(batch);
        target = await this.catchUpTarget();
        if (target === undefined) batch.settle();
        continue;
      }
      pending = undefined;
      if (result.done) break;
      const event = result.value;
      const now = Date.now();
      batch.apply(event, now);
      this.store.noteRecorded(this.projection.name, event.metadata.recordedAt, event.position);
      const full = target === undefined
        ? batch.size >= batchSize
        : event.position >= target || batch.size >= this.options.catchUpBatchSize || now - batch.startedAt >= catchUpMs;
      if (full) {
        this.commit(batch);
        target = await this.catchUpTarget();
        if (target === undefined) batch.settle();
      }
    }
    this.commit(batch);
  }

  /**
   * Where the next catch-up batch ends at the latest: the head of the log (the position of its last
   * event, already in the log, so the batch never waits for an append) when it lies beyond the
   * checkpoint; undefined at the head (live: small batches, committed after batchMs). Catch-up
   * batches also end after catchUpBatchSize events or catchUpMs. One cheap read per commit, and
   * positions are only compared: they are opaque, with gaps (a real EventStoreDB refuses to read
   * from a number that is not a record's start, such as a checkpoint plus a count).
   */
  private async catchUpTarget(): Promise<number | undefined> {
    const head = await this.events.headPosition();
    if (head === undefined || (this.checkpoint !== undefined && head <= this.checkpoint)) return undefined;
    return head;
  }

  private commit(batch: ProjectionBatch<D>): void {
    const done = batch.commit();
    if (!done) return;
    this.checkpoint = done.position;
    this.listener.committed(this.projection.name, done.position, done.docs);
  }

  /** A failing projection stops (its checkpoint stays before the bad event) and says so in /health. */
  private async fail(error: Error): Promise<void> {
    this.state = 'failed';
    this.error = error;
    this.listener.failed(this.projection.name, error);
    // The projection's own error is what matters (and is recorded); a second one from closing is not.
    await this.subscription?.close().catch(() => undefined);
  }
}
