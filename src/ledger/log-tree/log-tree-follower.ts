import type { HealthReporter, PartHealth } from '../../health/part-health';
import { Retrier } from '../../shared/retry-policy';
import { SupervisedLoop } from '../../shared/supervised-loop';
import type { StoredEvent } from '../event-envelope';
import type { EventStore, Subscription } from '../event-store.port';
import { EMPTY_TREE_ROOT, eventLeafHash, proveConsistency, proveInclusion, rootAt, toHex } from '../integrity/merkle';
import { LogPositionNotFound, LogTreeBehindError, LogTreeMismatchError } from './log-tree-errors';
import type { LogTree, LogTreeHead } from './log-tree.port';
import type { LogTreeCheckpoint, LogTreeStore, TreeAppend } from './log-tree-store';
import { PositionWaiters } from './position-waiters';
import { checkTreeTail } from './tree-tail-check';
import { TIMEOUT, within } from '../../shared/within';

export interface FollowerOptions {
  /** Commit after this many events, or once the oldest uncommitted one has waited batchMs. */
  batchSize: number;
  batchMs: number;
  /** How long head(upTo) waits for the tree to reach a position before a LogTreeBehindError. */
  waitMs: number;
}

export const DEFAULT_FOLLOWER_OPTIONS: FollowerOptions = { batchSize: 2000, batchMs: 20, waitMs: 30_000 };

export type FollowerState = 'idle' | 'running' | 'retrying' | 'mismatch' | 'stopped';

const PAGE = 1000;

/**
 * Keeps the log tree: subscribes to the log from the tree's checkpoint through the event-store
 * port (so memory, SQLite and EventStoreDB alike, positions only compared, never computed) and
 * appends each event's leaf, committing leaves, nodes and state in one transaction per batch.
 * Self-healing through the shared SupervisedLoop (src/shared/supervised-loop.ts): after any
 * store error it drops the uncommitted batch and, after a capped backoff, starts again from the
 * last commit. One thing it never heals: a tree that does not match the log (checked on every
 * (re)start against the event at the last stored leaf, tree-tail-check.ts). It then stops, /health says down, and
 * every read throws LogTreeMismatchError, since extending it would sign a rewritten log.
 */
export class LogTreeFollower implements LogTree, HealthReporter {
  private committed: LogTreeCheckpoint;
  private subscription?: Subscription;
  private readonly supervisor: SupervisedLoop;
  /** Set once, never cleared: the tree does not match the log. */
  private mismatchError?: LogTreeMismatchError;
  private readonly waiters = new PositionWaiters();
  /** Settles once this process has checked the stored tree against the log (checkTreeTail): nothing is served from it before. */
  private readonly checked: Promise<void>;
  private markChecked!: (error?: Error) => void;

  constructor(
    private readonly events: EventStore,
    private readonly store: LogTreeStore,
    private readonly options: FollowerOptions = DEFAULT_FOLLOWER_OPTIONS,
    retrier = new Retrier(),
  ) {
    this.supervisor = new SupervisedLoop(
      {
        run: () => this.run(),
        release: () => this.closeSubscription(),
        // The one error never retried: extending a tree that does not match would sign a rewritten log.
        final: (err) => err instanceof LogTreeMismatchError && (this.mismatch(err), true),
      },
      retrier,
    );
    this.committed = store.checkpoint();
    this.checked = new Promise<void>((resolve, reject) => {
      this.markChecked = (e) => (e ? reject(e) : resolve());
    });
    this.checked.catch(() => undefined); // read by whoever asks; unasked, a mismatch is still on /health
  }

  /** 'mismatch' outlasts stop(); otherwise the loop's own state. */
  get state(): FollowerState {
    return this.mismatchError ? 'mismatch' : this.supervisor.state;
  }

  get error(): Error | undefined {
    return this.mismatchError ?? this.supervisor.error;
  }

  private get stopping(): boolean {
    return this.supervisor.stopping;
  }

  start(): void {
    this.supervisor.start();
  }

  async stop(): Promise<void> {
    await this.supervisor.stop();
    this.markChecked(new Error('The log tree follower stopped before checking its tree'));
    this.waiters.failAll(new Error('The log tree follower stopped'));
  }

  health(): PartHealth {
    const facts = { treeSize: this.committed.range.size, lastPosition: this.committed.lastPosition };
    switch (this.state) {
      case 'mismatch':
        return {
          status: 'down',
          reason: this.error?.message,
          state: this.state,
          ...facts,
          mismatch: (this.error as LogTreeMismatchError).mismatch,
        };
      case 'retrying':
        return {
          status: 'degraded',
          reason: this.error?.message,
          state: this.state,
          ...facts,
          retry: this.supervisor.retry,
        };
      case 'stopped':
        return { status: 'disabled', state: this.state, ...facts };
      default:
        return { status: 'up', state: this.state, ...facts };
    }
  }

  async head(upTo?: number): Promise<LogTreeHead> {
    await this.ready();
    const target = upTo ?? (await this.logHeadPosition());
    if (target !== null) await this.covered(target);
    const { range, lastPosition } = this.committed;
    return { size: range.size, rootHash: toHex(range.root()), lastPosition };
  }

  async leafIndexOf(position: number): Promise<number> {
    await this.ready();
    const index = this.store.leafIndexOf(position);
    if (index === undefined) throw new LogPositionNotFound(position);
    return index;
  }

  /** The position of the event before `position` in the log as the tree holds it (null for the first). */
  positionBefore(position: number): number | null {
    return this.store.positionBefore(position);
  }

  async inclusionProof(leafIndex: number, treeSize: number): Promise<string[]> {
    await this.ready();
    this.withinTree(treeSize);
    return proveInclusion(this.store.read, leafIndex, treeSize).map(toHex);
  }

  async consistencyProof(fromSize: number, toSize: number): Promise<string[]> {
    await this.ready();
    this.withinTree(toSize);
    return proveConsistency(this.store.read, fromSize, toSize).map(toHex);
  }

  async rootAt(size: number): Promise<string> {
    await this.ready();
    this.withinTree(size);
    return toHex(size === 0 ? EMPTY_TREE_ROOT : rootAt(this.store.read, size));
  }

  private withinTree(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.committed.range.size)
      throw new RangeError(`The log tree holds ${this.committed.range.size} leaves, not ${size}`);
  }

  /** The start check passed (waiting for it up to waitMs), and no mismatch was found since. */
  private async ready(): Promise<void> {
    if (this.state === 'mismatch') throw this.error!;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new LogTreeBehindError(null, this.committed.lastPosition, this.options.waitMs)),
        this.options.waitMs,
      );
    });
    await Promise.race([this.checked, late]).finally(() => clearTimeout(timer));
    if ((this.state as FollowerState) === 'mismatch') throw this.error!;
  }

  /** The position of the log's last event now (null for an empty log), read forward from the tree's checkpoint. */
  private async logHeadPosition(): Promise<number | null> {
    let last = this.committed.lastPosition;
    for (;;) {
      const page = await this.events.readAll({ after: last ?? undefined, maxCount: PAGE });
      if (page.length > 0) last = page[page.length - 1].position;
      if (page.length < PAGE) return last;
    }
  }

  private covered(target: number): Promise<void> {
    const at = this.committed.lastPosition;
    if (at !== null && at >= target) return Promise.resolve();
    return this.waiters.wait(
      target,
      this.options.waitMs,
      () => new LogTreeBehindError(target, this.committed.lastPosition, this.options.waitMs),
    );
  }

  private mismatch(err: LogTreeMismatchError): void {
    this.mismatchError = err;
    this.markChecked(err);
    this.waiters.failAll(err);
  }

  private async run(): Promise<void> {
    // Always from what is on disk: a failed batch left nothing behind, so the next run repeats it.
    this.committed = this.store.checkpoint();
    await checkTreeTail(this.events, this.store, this.committed);
    this.markChecked();
    this.supervisor.recovered();
    if (this.stopping) return;
    const subscription = (this.subscription = this.events.subscribe({
      after: this.committed.lastPosition ?? undefined,
    }));
    const iterator = subscription[Symbol.asyncIterator]();
    const range = this.committed.range.clone();
    let { lastPosition, prevPosition } = this.committed;
    let batch: TreeAppend[] = [];
    let startedAt = 0;
    let pending: Promise<IteratorResult<StoredEvent>> | undefined;
    const commit = () => {
      if (batch.length === 0) return;
      this.store.commit(batch, range, lastPosition, prevPosition);
      this.committed = { range: range.clone(), lastPosition, prevPosition };
      batch = [];
      this.supervisor.recovered();
      if (lastPosition !== null) this.waiters.release(lastPosition);
    };
    for (;;) {
      pending ??= iterator.next();
      const result =
        batch.length === 0 ? await pending : await within(pending, startedAt + this.options.batchMs - Date.now());
      if (result === TIMEOUT) {
        commit();
        continue;
      }
      pending = undefined;
      if (result.done) break;
      const event = result.value;
      if (lastPosition !== null && !(event.position > lastPosition))
        throw new Error(`The log delivered position ${event.position} after ${lastPosition}`);
      if (batch.length === 0) startedAt = Date.now();
      batch.push({ position: event.position, nodes: range.append(eventLeafHash(event)) });
      prevPosition = lastPosition;
      lastPosition = event.position;
      if (batch.length >= this.options.batchSize) commit();
    }
    commit();
  }

  /** Cleared before closing, so a close that fails is not tried again. */
  private async closeSubscription(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }
}
