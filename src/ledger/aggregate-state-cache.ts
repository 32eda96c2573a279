/** A folded aggregate state and the stream revision it includes (-1: no event yet). */
export interface CachedState {
  /** The aggregate whose evolve folded it: a state is only ever continued by the same fold. */
  aggregate: object;
  state: unknown;
  revision: number;
}

/**
 * The last state folded per stream, so loading a long stream reads only the events after it (the
 * stream's tail) instead of its whole history on every command. Safe by construction: the log is
 * append-only, so a cached state is at worst behind, and the tail read brings it up to date; the
 * append still carries the loaded revision as its expected revision, so should the cache ever be
 * ahead (a ledger restored from an older backup) the store refuses the write and the runner drops
 * the entry before it retries. Bounded: the least recently used stream is forgotten first.
 */
export class AggregateStateCache {
  private readonly entries = new Map<string, CachedState>();

  constructor(private readonly maxStreams = 10_000) {}

  get(key: string): CachedState | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-inserted, so Map order (insertion order) is recency order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedState): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
