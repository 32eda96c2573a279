import type { Projection } from '../../projections/projection';
import type { StoredEvent } from '../ledger/event-envelope';
import type { ReadModelStore } from './read-model-store';

/**
 * Events applied since the last commit. Changed documents stay in memory, so an action touched
 * by fifty events in one batch is read once and written once; unhandled events still move the
 * position, so the checkpoint (and the lag) follows the whole log.
 */
export class ProjectionBatch<D> {
  readonly docs = new Map<string, D>();
  position: number | undefined;
  size = 0;
  startedAt = 0;

  constructor(private readonly projection: Projection<D>, private readonly store: ReadModelStore) {}

  get empty(): boolean {
    return this.size === 0;
  }

  apply(event: StoredEvent, now: number): void {
    if (this.size === 0) this.startedAt = now;
    const p = this.projection;
    if (p.canHandle(event)) {
      for (const key of p.keysOf(event)) {
        const doc = this.docs.get(key) ?? this.store.get<D>(p.name, key) ?? p.initialState(key);
        this.docs.set(key, p.evolve(doc, event));
      }
    }
    this.position = event.position;
    this.size++;
  }

  /** Writes documents and checkpoint in one transaction; returns what changed, then starts empty. */
  commit(): { position: number; docs: Map<string, D> } | undefined {
    if (this.position === undefined) return undefined;
    const done = { position: this.position, docs: new Map(this.docs) };
    this.store.commit(this.projection.name, this.projection.version, done.position, done.docs);
    this.docs.clear();
    this.position = undefined;
    this.size = 0;
    return done;
  }
}
