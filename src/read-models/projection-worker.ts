import type { Projection } from '../../projections/projection';
import type { StoredEvent } from '../ledger/event-envelope';
import type { EventStore, Subscription } from '../ledger/event-store.port';
import { Retrier, type RetryStatus } from '../shared/retry-policy';
import { SupervisedLoop } from '../shared/supervised-loop';
import { ProjectionBatch } from './projection-batch';
import { buildingName, CheckpointMovedError } from './checkpoint';
import type { ReadModelStore } from './read-model-store';
import type { SharedCatchUp } from './shared-catch-up';
import type { BatchOptions, SwitchOverHook, WorkerListener, WorkerState } from './projection-worker-contract';
import { TIMEOUT, within } from '../shared/within';

export type { BatchOptions, SwitchOverHook, WorkerListener, WorkerState } from './projection-worker-contract';

/**
 * One projection's catch-up loop: subscribe from the checkpoint, apply in batches, commit atomically.
 * Self-healing through the shared SupervisedLoop: after any error (the store unreachable, a dropped
 * subscription, a failed commit, an evolve that throws) the uncommitted batch is dropped, and after
 * the backoff the loop starts again from the last committed checkpoint.
 */
export class ProjectionWorker<D> {
  checkpoint: number | undefined;
  /** Set when another version's documents were stored at start (this version rebuilds from the start). */
  rebuiltFrom?: number;
  /** While this version builds beside the served one: the version still answering queries, and its checkpoint. */
  building?: { servedVersion: number; servedPosition: number | undefined };
  /** What the batches apply: the projection, under its building name while `building`. */
  private target: Projection<D>;
  private subscription?: Subscription;
  private rebuildSize?: { target: string; size: number };
  private readonly supervisor: SupervisedLoop;

  constructor(
    readonly projection: Projection<D>,
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly options: BatchOptions,
    private readonly listener: WorkerListener<D>,
    /** Pages of the log shared with the other projections, for the page-by-page catch-up. */
    private readonly pages?: Pick<SharedCatchUp, 'page' | 'pageSize'>,
    /** Backoff between runs after an error. */
    retrier = new Retrier(),
    /** Awaited before a caught-up build replaces the served version (tests hold it to read meanwhile). */
    private readonly beforeSwitchOver?: SwitchOverHook,
  ) {
    this.target = projection;
    this.supervisor = new SupervisedLoop(
      {
        run: () => this.run(),
        release: () => this.closeSubscription(),
        // A failed run: its checkpoint stays before the bad event (the uncommitted batch is dropped).
        failed: (error, retry) => this.listener.failed(this.projection.name, error, retry),
      },
      retrier,
    );
  }

  /** The last position the served documents reflect: while building, the served version's, which stands still. */
  get served(): number | undefined {
    return this.building ? this.building.servedPosition : this.checkpoint;
  }

  get state(): WorkerState {
    return this.supervisor.state;
  }

  get error(): Error | undefined {
    return this.supervisor.error;
  }

  /** While retrying: the attempt, when the next one starts and the last error (for /health). */
  get retry(): RetryStatus | undefined {
    return this.supervisor.retry;
  }

  private get stopping(): boolean {
    return this.supervisor.stopping;
  }

  start(): void {
    const { name, version } = this.projection;
    const stored = this.store.checkpoint(name);
    const building = stored !== undefined && stored.version !== version ? buildingName(name, version) : undefined;
    // Builds of other versions (one abandoned by a deploy that was rolled back) are of no use now.
    for (const other of this.store.builds(name)) if (other !== building) this.store.drop(other);
    if (stored === undefined) this.store.reset(name, version);
    if (building === undefined) {
      this.checkpoint = stored?.position;
      this.target = this.projection;
    } else {
      // A changed evolve: the served documents keep answering while this one builds beside them (resuming a build).
      const progress = this.store.checkpoint(building);
      if (progress?.version !== version) this.store.reset(building, version);
      this.checkpoint = progress?.version === version ? progress.position : undefined;
      this.target = Object.create(this.projection, { name: { value: building } }) as Projection<D>;
      this.rebuiltFrom = stored!.version;
      this.building = { servedVersion: stored!.version, servedPosition: stored!.position };
    }
    this.supervisor.start();
  }

  /** Stops the page-by-page catch-up or closes the subscription; the loop then commits what it holds and ends. */
  stop(): Promise<void> {
    return this.supervisor.stop();
  }

  private async run(): Promise<void> {
    for (;;) {
      try {
        return await this.runFromCheckpoint();
      } catch (err) {
        // Another runner on the same read-model file committed first: the compare-and-set refused
        // our batch whole (nothing written). Drop it and carry on from the stored checkpoint, so no
        // event is ever applied twice. Any other error fails the projection, as before.
        if (!(err instanceof CheckpointMovedError)) throw err;
        await this.closeSubscription();
        if (this.stopping) return;
        // A different version owns the documents now: following it would mix two evolves.
        if (err.stored?.version !== this.projection.version) throw err;
        this.checkpoint = err.stored.position;
        if (this.checkpoint !== undefined) this.listener.committed(this.projection.name, this.checkpoint, new Map());
      }
    }
  }

  private async runFromCheckpoint(): Promise<void> {
    // From the checkpoint (undefined: the projection holds no documents yet, a new projection or a version reset).
    let batch = new ProjectionBatch(this.target, this.store, this.checkpoint);
    const applied = await this.catchUpByPage(batch);
    this.supervisor.recovered(); // the store answered: no longer retrying
    if (this.stopping) return this.commit(batch);
    if (batch.empty && (await this.catchUpTarget()) === undefined) batch = await this.switchOver(batch);
    if (this.stopping) return;
    const subscription = (this.subscription = this.events.subscribe({ after: applied }));
    await this.follow(subscription, batch);
  }

  /**
   * Caught up while building beside the served version: the build replaces it in one transaction, and
   * this worker follows the log as the served version from then on (a fresh batch under its name).
   */
  private async switchOver(batch: ProjectionBatch<D>): Promise<ProjectionBatch<D>> {
    if (!this.building) return batch;
    await this.beforeSwitchOver?.(this.projection.name, this.projection.version);
    if (this.stopping) return batch;
    this.store.switchOver(this.projection.name, this.projection.version, this.checkpoint);
    this.building = undefined;
    this.target = this.projection;
    this.listener.switchedOver(this.projection.name, this.projection.version, this.checkpoint);
    return new ProjectionBatch(this.projection, this.store, this.checkpoint);
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
      // Run by run, each up to the next commit point, so the per-event work is the fold alone.
      for (let i = 0; i < page.length;) {
        const end = this.runEnd(page, i, batch, target, now);
        batch.applyAll(page, i, end, now);
        this.store.noteRecordedAll(this.target.name, page, i, end);
        applied = page[end - 1].position;
        i = end;
        if (applied < target && !this.catchUpBatchFull(batch, now)) continue;
        this.commit(batch);
        if (this.stopping) break;
        // Short of the head as last asked: carry on without asking again. Awaiting it after each commit
        // let the other projections run ahead, out of the shared pages' cache: 1,144 page reads for 600.
        if (applied < target) continue;
        target = await this.catchUpTarget();
        if (target === undefined) break;
      }
      if (page.length < this.pages.pageSize) break;
    }
    if (target === undefined) batch.settle();
    return applied;
  }

  /**
   * Where the run of the page's events from `i` ends (exclusive): at the event after which the batch
   * is full (catchUpBatchFull) or `target` is reached, else at the end of the page.
   */
  private runEnd(page: readonly StoredEvent[], i: number, batch: ProjectionBatch<D>, target: number, now: number) {
    let room: number;
    if (batch.rebuilding) room = this.rebuildBatchSize(batch) - batch.size;
    else if ((batch.size > 0 ? now - batch.startedAt : 0) >= this.options.catchUpMs) room = 1;
    else room = this.options.catchUpBatchSize - batch.size;
    let end = Math.min(page.length, i + Math.max(1, room));
    // The target (the head when last asked) lies in a page only near the end of the log.
    if (page[end - 1].position >= target) {
      end = i;
      while (page[end].position < target) end++;
      end++;
    }
    return end;
  }

  private catchUpBatchFull(batch: ProjectionBatch<D>, now: number): boolean {
    if (batch.rebuilding) return batch.size >= this.rebuildBatchSize(batch);
    return batch.size >= this.options.catchUpBatchSize || now - batch.startedAt >= this.options.catchUpMs;
  }

  /**
   * A rebuild's batch size; one that cannot cut its own snapshots (SnapshotCuts: its count unknown)
   * ends at the next snapshot at the latest, so a commit takes it. Asked per run, so known once per target.
   */
  private rebuildBatchSize(batch: ProjectionBatch<D>): number {
    if (batch.cutsSnapshots) return this.options.rebuildBatchSize;
    if (this.rebuildSize?.target !== this.target.name)
      this.rebuildSize = {
        target: this.target.name,
        size: Math.min(this.options.rebuildBatchSize, this.store.layers.layerEvery(this.target.name)),
      };
    return this.rebuildSize.size;
  }

  /** Event by event from the subscription: small batches near the head, large ones when it falls behind. */
  private async follow(subscription: Subscription, batch: ProjectionBatch<D>): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    const { batchSize, batchMs } = this.options;
    let pending: Promise<IteratorResult<StoredEvent>> | undefined;
    // Catching up: commit once the batch reaches `target` (the head when last asked: already in the log).
    let target = await this.catchUpTarget();
    for (;;) {
      pending ??= iterator.next();
      // While catching up the next events are already in the log, so waiting cannot hold a batch back: no timer.
      const result =
        batch.empty || target !== undefined
          ? await pending
          : await within(pending, batch.startedAt + batchMs - Date.now());
      if (result === TIMEOUT) {
        this.commit(batch);
        target = await this.catchUpTarget();
        if (target === undefined) {
          batch.settle();
          batch = await this.switchOver(batch);
        }
        continue;
      }
      pending = undefined;
      if (result.done) break;
      const event = result.value;
      const now = Date.now();
      batch.apply(event, now);
      this.store.noteRecorded(this.target.name, event.metadata.recordedAt, event.position);
      const full =
        target === undefined ? batch.size >= batchSize : event.position >= target || this.catchUpBatchFull(batch, now);
      if (full) {
        this.commit(batch);
        target = await this.catchUpTarget();
        if (target === undefined) {
          batch.settle();
          batch = await this.switchOver(batch);
        }
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
    this.supervisor.recovered();
    // A build's documents are not served yet: nothing to send, but waiters may move on.
    if (this.building) this.listener.committed(this.projection.name, done.position, new Map());
    else this.listener.committed(this.projection.name, done.position, done.docs, done.changedAt);
  }

  /** Cleared before closing, so a close that fails is not tried again. */
  private async closeSubscription(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }
}
