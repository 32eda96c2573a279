import type { Projection } from '../../../projections/projection';
import type { StoredEvent } from '../../ledger/event-envelope';
import type { SnapshotLayers } from './snapshot-layers';

/** Sorts after every key character we use (record ids are ASCII slugs), to bound prefix scans. */
const PREFIX_END = '\uffff';

/**
 * One projection's documents as they stood at a past position: the snapshot layers at `snapshot`
 * overlaid with the documents the replay of (snapshot, position] changed. A changed document is
 * folded only when a query reaches it (a page of 50 evolves 50 documents, not every one the
 * window touched), from the window's events for that key. It answers the same
 * get/scan calls as ReadModelStore, so a projection's reader can run its queries over it unchanged.
 */
export class AsOfView {
  readonly projection: string;
  private readonly changedKeys: string[];

  constructor(
    private readonly definition: Projection<unknown>,
    /** Undefined: no snapshot at or before the position, the replay started at the beginning of the log. */
    readonly snapshot: number | undefined,
    private readonly layers: SnapshotLayers,
    /** The window's events, by the keys they change, in log order. */
    private readonly window: Map<string, StoredEvent[]>,
    /** Documents already folded (a business-time replay folds as it reads): answered as they are. */
    private readonly folded = new Map<string, unknown>(),
  ) {
    this.projection = definition.name;
    this.changedKeys = [...new Set([...window.keys(), ...folded.keys()])].sort();
  }

  get<D>(projection: string, key: string): D | undefined {
    this.check(projection);
    if (this.window.has(key) || this.folded.has(key)) return this.changed<D>(key);
    return this.fromSnapshot<D>(key);
  }

  /** The key's snapshot state (or initial state) folded through its events in the window, once. */
  private changed<D>(key: string): D {
    if (!this.folded.has(key)) {
      const p = this.definition;
      this.folded.set(
        key,
        this.window.get(key)!.reduce((doc, e) => p.evolve(doc, e), this.fromSnapshot(key) ?? p.initialState(key)),
      );
    }
    return this.folded.get(key) as D;
  }

  /** Documents whose key starts with `prefix`, in key order, strictly after `afterKey` (lazy). */
  *scan<D>(projection: string, prefix: string, afterKey?: string): Generator<{ key: string; doc: D }> {
    this.check(projection);
    const from = afterKey !== undefined && afterKey > prefix ? afterKey : prefix;
    const end = prefix + PREFIX_END;
    const changed = this.changedKeys.filter((k) => k > from && k < end);
    const stored =
      this.snapshot === undefined
        ? ([] as [string, string][])[Symbol.iterator]()
        : this.layers.scanAt(this.projection, this.snapshot, from, end)[Symbol.iterator]();
    // Merge two key-ordered streams; a document the replay changed replaces its snapshot version.
    try {
      let next = stored.next();
      let i = 0;
      while (!next.done || i < changed.length) {
        const entry = next.done ? undefined : next.value;
        if (entry !== undefined && (i >= changed.length || entry[0] < changed[i])) {
          yield { key: entry[0], doc: JSON.parse(entry[1]) as D };
          next = stored.next();
          continue;
        }
        if (entry?.[0] === changed[i]) next = stored.next();
        yield { key: changed[i], doc: this.changed<D>(changed[i]) };
        i++;
      }
    } finally {
      // A reader that stops at a full page must not leave the SQLite statement open: it would hold the connection busy.
      stored.return?.();
    }
  }

  fromSnapshot<D>(key: string): D | undefined {
    if (this.snapshot === undefined) return undefined;
    const json = this.layers.docAt(this.projection, key, this.snapshot);
    return json === undefined ? undefined : (JSON.parse(json) as D);
  }

  private check(projection: string): void {
    if (projection !== this.projection)
      throw new Error(`An as-of view of ${this.projection} cannot answer for ${projection}`);
  }
}
