import type { SnapshotLayers } from './snapshot-layers';

/** Sorts after every key character we use (record ids are ASCII slugs), to bound prefix scans. */
const PREFIX_END = '\uffff';

/**
 * One projection's documents as they stood at a past position: the snapshot layers at `snapshot`
 * overlaid with the documents the replay of (snapshot, position] changed. It answers the same
 * get/scan calls as ReadModelStore, so a projection's reader can run its queries over it unchanged.
 */
export class AsOfView {
  private readonly changedKeys: string[];

  constructor(
    readonly projection: string,
    /** Undefined: no snapshot at or before the position, the replay started at the beginning of the log. */
    readonly snapshot: number | undefined,
    private readonly layers: SnapshotLayers,
    private readonly changed: Map<string, unknown>,
  ) {
    this.changedKeys = [...changed.keys()].sort();
  }

  get<D>(projection: string, key: string): D | undefined {
    this.check(projection);
    if (this.changed.has(key)) return this.changed.get(key) as D;
    return this.fromSnapshot<D>(key);
  }

  /** Documents whose key starts with `prefix`, in key order, strictly after `afterKey` (lazy). */
  *scan<D>(projection: string, prefix: string, afterKey?: string): Generator<{ key: string; doc: D }> {
    this.check(projection);
    const from = afterKey !== undefined && afterKey > prefix ? afterKey : prefix;
    const end = prefix + PREFIX_END;
    const changed = this.changedKeys.filter((k) => k > from && k < end);
    const stored = this.snapshot === undefined ? [][Symbol.iterator]() : this.layers.scanAt(this.projection, this.snapshot, from, end)[Symbol.iterator]();
    // Merge two key-ordered streams; a document the replay changed replaces its snapshot version.
    try {
      let next = stored.next();
      let i = 0;
      while (!next.done || i < changed.length) {
        const storedKey = next.done ? undefined : next.value[0];
        if (storedKey !== undefined && (i >= changed.length || storedKey < changed[i])) {
          yield { key: storedKey, doc: JSON.parse(next.value![1]) as D };
          next = stored.next();
          continue;
        }
        if (storedKey === changed[i]) next = stored.next();
        yield { key: changed[i], doc: this.changed.get(changed[i]) as D };
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
    if (projection !== this.projection) throw new Error(`An as-of view of ${this.projection} cannot answer for ${projection}`);
  }
}
