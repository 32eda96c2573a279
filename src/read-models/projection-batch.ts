import type { Projection } from '../../projections/projection';
import type { StoredEvent } from '../ledger/event-envelope';
import type { SnapshotCuts } from './as-of/snapshot-cuts';
import type { ReadModelStore } from './read-model-store';

/**
 * Events applied since the last commit. Changed documents stay in memory, so an action touched
 * by fifty events in one batch is read once and written once; unhandled events still move the
 * position, so the checkpoint (and the lag) follows the whole log.
 *
 * Committed documents are not kept in memory: reading one back is a point lookup and a parse,
 * and a cache of 20,000 documents per projection made a 1,000,000-event rebuild no faster while
 * holding ~260 MB more (BENCHMARKS.md, Projections).
 */
export class ProjectionBatch<D> {
  docs = new Map<string, D>();
  /**
   * Per changed document, the position of the last event in this batch that changed it: a stream
   * sends each document with that id, so a client cut inside a batch resumes without losing the
   * rest of it. One Map.set per applied key; kept in first-changed order (the runner sorts).
   */
  changedAt = new Map<string, number>();
  position: number | undefined;
  size = 0;
  startedAt = 0;

  /**
   * Set while rebuilding from empty: every key committed so far. A key not in it has no stored
   * document, so a new key costs no read. Dropped (see `settle`) once caught up, so it stays bounded.
   */
  private written?: Set<string>;
  /** While rebuilding, for a projection that keeps snapshots: the batch cuts them itself (see SnapshotCuts). */
  private cuts?: SnapshotCuts;

  /**
   * @param from the checkpoint the batch is applied from (undefined: no documents yet, from the
   * start of the log). Each commit compare-and-sets against it and then moves it on, so a batch
   * another runner committed first is refused (CheckpointMovedError), never applied twice.
   */
  constructor(
    private readonly projection: Projection<D>,
    private readonly store: ReadModelStore,
    private from: number | undefined,
  ) {
    if (from !== undefined) {
      store.unsynced.ended(projection.name);
      return;
    }
    store.unsynced.started(projection.name); // its commits skip the fsync until it settles
    this.written = new Set();
    this.cuts = store.layers.cutsFor(projection.name);
  }

  /** Near the head: new keys are rare, so stop remembering every key and ask the store instead. */
  settle(): void {
    if (this.written) this.store.unsynced.ended(this.projection.name);
    this.written = undefined;
  }

  /** Whether this batch cuts its own snapshots, so its size need not stop at one interval. */
  get cutsSnapshots(): boolean {
    return this.cuts !== undefined;
  }

  /** Rebuilding from empty and not yet caught up (see `settle`). */
  get rebuilding(): boolean {
    return this.written !== undefined;
  }

  get empty(): boolean {
    return this.size === 0;
  }

  apply(event: StoredEvent, now: number): void {
    if (this.size === 0) this.startedAt = now;
    this.fold(event);
    this.position = event.position;
    this.size++;
  }

  /** events[from..to) in one pass (a shared page's run during catch-up), as `apply` on each. */
  applyAll(events: readonly StoredEvent[], from: number, to: number, now: number): void {
    if (from >= to) return;
    if (this.size === 0) this.startedAt = now;
    for (let i = from; i < to; i++) this.fold(events[i]);
    this.position = events[to - 1].position;
    this.size += to - from;
  }

  private fold(event: StoredEvent): void {
    const p = this.projection;
    if (p.canHandle(event)) {
      for (const key of p.keysOf(event)) {
        const doc = this.current(key) ?? p.initialState(key);
        this.docs.set(key, p.evolve(doc, event));
        this.changedAt.set(key, event.position);
      }
    }
    this.cuts?.counted(event.position);
  }

  /**
   * The key's document before this event: this batch's, or the stored one (no read for a key a
   * rebuild never wrote). A version a snapshot cut in this batch holds is kept aside before it changes.
   */
  private current(key: string): D | undefined {
    const cut = this.cuts?.latest;
    const doc = this.docs.get(key);
    if (doc !== undefined) {
      const at = this.changedAt.get(key)!;
      if (cut !== undefined && at <= cut) this.cuts!.keep(key, at, JSON.stringify(doc));
      return doc;
    }
    if (this.written && !this.written.has(key)) return undefined;
    if (cut === undefined || this.from === undefined) return this.store.get<D>(this.projection.name, key);
    // Stored before this batch began, so it stood at the cut: kept aside as of the batch's start.
    const json = this.store.getJson(this.projection.name, key);
    if (json === undefined) return undefined;
    this.cuts!.keep(key, this.from, json);
    return JSON.parse(json) as D;
  }

  /**
   * Writes documents and checkpoint in one transaction, if the stored checkpoint is still the one
   * this batch started from (else throws CheckpointMovedError, writing nothing: drop this batch);
   * returns what changed (with the position each document last changed at), then starts empty.
   */
  commit(): { position: number; docs: Map<string, D>; changedAt: Map<string, number> } | undefined {
    if (this.position === undefined) return undefined;
    const done = { position: this.position, docs: this.docs, changedAt: this.changedAt };
    const written = this.written;
    const unstored = written && ((key: string) => !written.has(key));
    const { name, version } = this.projection;
    const cut = this.cuts?.take();
    this.store.commit(name, version, this.from, done.position, done.docs, this.size, {
      unstored,
      stamps: done.changedAt,
      cut,
    });
    if (written) for (const key of done.docs.keys()) written.add(key);
    else this.cuts = undefined; // settled: the commits count and cut from now on
    this.from = done.position;
    this.docs = new Map();
    this.changedAt = new Map();
    this.position = undefined;
    this.size = 0;
    return done;
  }
}
