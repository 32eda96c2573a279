import type Database from 'better-sqlite3';
import { servedName } from '../checkpoint';

/** How often the read-model store keeps a snapshot of a projection's documents. */
export interface SnapshotOptions {
  /**
   * A snapshot is taken by the first commit that brings the events applied since the previous one
   * to at least this many (0 turns snapshots off). Events, not positions: positions are opaque, and
   * EventStoreDB's are byte offsets with gaps. It bounds what an as-of query replays: at most this
   * many events, plus the rest of the batch that reached it.
   */
  snapshotEvery: number;
  /**
   * The projections to snapshot (those with an as-of source, AS_OF_SOURCES); absent: every one.
   * Others skip the layer bookkeeping altogether: an as-of view of them would replay from the start.
   */
  snapshotProjections?: readonly string[];
}

export const DEFAULT_SNAPSHOT_EVERY = 10_000;

const DDL = `
  CREATE TABLE IF NOT EXISTS snapshots (
    projection TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (projection, position)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS snapshot_dirty (
    projection TEXT NOT NULL,
    key        TEXT NOT NULL,
    PRIMARY KEY (projection, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS snapshot_tracked (
    projection TEXT PRIMARY KEY
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS snapshot_counts (
    projection   TEXT PRIMARY KEY,
    events_since INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS log_times (
    position    INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS log_times_by_time ON log_times (recorded_at, position);`;

/**
 * Layer documents: rows appended in rowid order (a layer's rows land at the end of the table), found
 * through the unique index on (projection, key, position). Keyed by that index instead (WITHOUT
 * ROWID), every row was inserted mid-tree and a layer cost 4x as much (BENCHMARKS.md, Projections).
 */
const LAYER_DOCS_DDL = `
  CREATE TABLE IF NOT EXISTS snapshot_docs (
    projection TEXT NOT NULL,
    key        TEXT NOT NULL,
    position   INTEGER NOT NULL,
    doc        TEXT NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS snapshot_docs_by_key ON snapshot_docs (projection, key, position);`;

/**
 * Snapshots as layers: a snapshot at position S stores only the documents written since the
 * previous snapshot (tracked in snapshot_dirty, in the same transaction as each batch), so a
 * document's state at S is its newest layer at or before S. Storage grows with what changed,
 * not with (snapshots x documents).
 *
 * snapshot_counts holds, per projection, the events applied since its last layer (or since its
 * reset), written in each batch transaction; a layer is due when it reaches snapshotEvery. No row
 * means the count is unknown (a file from before counts were kept, or snapshots paused for the
 * projection): the next commit takes a layer and the count starts from there. Created IF NOT
 * EXISTS, so an existing read-model file needs no format bump.
 *
 * log_times is a sparse position -> recordedAt index: one row per committed batch holding the
 * latest recordedAt of every event up to that position (a running maximum, so it only grows
 * with position even if the ledger's clock ever stepped back). Dates map to positions through it.
 */
export class SnapshotLayers {
  private readonly stmt;
  private readonly snapshotted?: Set<string>;
  /** Projections known to be in snapshot_tracked (saves a lookup per commit). */
  private readonly tracked = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly options: SnapshotOptions,
  ) {
    db.exec(DDL);
    db.exec(LAYER_DOCS_DDL);
    this.snapshotted = options.snapshotProjections && new Set(options.snapshotProjections);
    this.stmt = {
      dirty: db.prepare('INSERT OR IGNORE INTO snapshot_dirty (projection, key) VALUES (?, ?)'),
      count: db.prepare('SELECT events_since FROM snapshot_counts WHERE projection = ?').pluck(),
      setCount: db.prepare(
        'INSERT INTO snapshot_counts (projection, events_since) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET events_since = excluded.events_since',
      ),
      dropCount: db.prepare('DELETE FROM snapshot_counts WHERE projection = ?'),
      atOrBefore: db.prepare('SELECT MAX(position) FROM snapshots WHERE projection = ? AND position <= ?').pluck(),
      isTracked: db.prepare('SELECT 1 FROM snapshot_tracked WHERE projection = ?').pluck(),
      track: db.prepare('INSERT OR IGNORE INTO snapshot_tracked (projection) VALUES (?)'),
      untrack: db.prepare('DELETE FROM snapshot_tracked WHERE projection = ?'),
      dirtyAll: db.prepare(
        'INSERT OR IGNORE INTO snapshot_dirty (projection, key) SELECT projection, key FROM documents WHERE projection = ?',
      ),
      putLayerDoc: db.prepare(
        'INSERT OR IGNORE INTO snapshot_docs (projection, key, position, doc) VALUES (?, ?, ?, ?)',
      ),
      copy: db.prepare(
        'INSERT INTO snapshot_docs (projection, key, position, doc) SELECT d.projection, d.key, ?, d.doc FROM snapshot_dirty s JOIN documents d ON d.projection = s.projection AND d.key = s.key WHERE s.projection = ?',
      ),
      clearDirty: db.prepare('DELETE FROM snapshot_dirty WHERE projection = ?'),
      addSnapshot: db.prepare('INSERT INTO snapshots (projection, position) VALUES (?, ?)'),
      dropSnapshots: db.prepare('DELETE FROM snapshots WHERE projection = ?'),
      dropDocs: db.prepare('DELETE FROM snapshot_docs WHERE projection = ?'),
      doc: db
        .prepare(
          'SELECT doc FROM snapshot_docs WHERE projection = ? AND key = ? AND position <= ? ORDER BY position DESC LIMIT 1',
        )
        .pluck(),
      // SQLite returns the bare column `doc` from the row holding MAX(position) in each group.
      scan: db
        .prepare(
          'SELECT key, doc, MAX(position) FROM snapshot_docs WHERE projection = ? AND key > ? AND key < ? AND position <= ? GROUP BY key ORDER BY key',
        )
        .raw(),
      timeBefore: db
        .prepare('SELECT recorded_at FROM log_times WHERE position < ? ORDER BY position DESC LIMIT 1')
        .pluck(),
      putTime: db.prepare('INSERT OR REPLACE INTO log_times (position, recorded_at) VALUES (?, ?)'),
      firstAfter: db
        .prepare('SELECT position FROM log_times WHERE recorded_at > ? ORDER BY recorded_at, position LIMIT 1')
        .pluck(),
      rowBefore: db.prepare(
        'SELECT position, recorded_at FROM log_times WHERE position < ? ORDER BY position DESC LIMIT 1',
      ),
      lastTime: db.prepare('SELECT position, recorded_at FROM log_times ORDER BY position DESC LIMIT 1'),
      renames: ['snapshots', 'snapshot_docs', 'snapshot_dirty', 'snapshot_tracked', 'snapshot_counts'].map((table) =>
        db.prepare(`UPDATE ${table} SET projection = ? WHERE projection = ?`),
      ),
    };
  }

  /**
   * How many applied events apart this projection's layers are (Infinity: it keeps none). A rebuild
   * commits at least this often, since a layer is cut at a commit: 100,000-event batches left the
   * as-of engine replaying up to 100,000 events per answer (BENCHMARKS.md, Projections).
   */
  layerEvery(projection: string): number {
    const every = this.options.snapshotEvery;
    const kept = every > 0 && (!this.snapshotted || this.snapshotted.has(servedName(projection)));
    return kept ? every : Infinity;
  }

  /**
   * Inside the batch transaction, after the documents are written (`written`: key -> the JSON just
   * stored; `events`: how many events the batch applied, up to `position`): remember the keys
   * written, and snapshot once snapshotEvery events have been applied since the last layer. A due
   * layer takes the earlier commits' keys from the documents table and this commit's from `written`.
   */
  afterCommit(
    projection: string,
    position: number,
    events: number,
    written: Map<string, string>,
    latestRecordedAt?: string,
  ): void {
    if (latestRecordedAt !== undefined) this.noteTime(position, latestRecordedAt);
    if (this.options.snapshotEvery <= 0) return;
    if (this.snapshotted && !this.snapshotted.has(servedName(projection))) {
      // Not snapshotted now: if it ever is again, its first layer must hold every document.
      // How many events its next layer would be after the last one is unknown from now on.
      if (this.tracked.delete(projection) || this.stmt.isTracked.get(projection)) {
        this.stmt.untrack.run(projection);
        this.stmt.dropCount.run(projection);
      }
      return;
    }
    if (!this.tracked.has(projection)) {
      // Its layers (if any) stopped tracking changes at some point: the next layer copies every document.
      if (!this.stmt.isTracked.get(projection)) {
        this.stmt.dirtyAll.run(projection);
        this.stmt.track.run(projection);
      }
      this.tracked.add(projection);
    }
    // Counted in events: a position is opaque and never subtracted (on EventStoreDB the distance
    // between two is bytes of log, so an interval of positions meant a layer every few events).
    const since = this.stmt.count.get(projection) as number | undefined;
    if (since !== undefined && since + events < this.options.snapshotEvery) {
      for (const key of written.keys()) this.stmt.dirty.run(projection, key);
      this.stmt.setCount.run(projection, since + events);
      return;
    }
    this.stmt.copy.run(position, projection);
    for (const [key, doc] of written) this.stmt.putLayerDoc.run(projection, key, position, doc);
    this.stmt.clearDirty.run(projection);
    this.stmt.addSnapshot.run(projection, position);
    this.stmt.setCount.run(projection, 0);
  }

  /** Inside the reset transaction: another version's snapshots describe other documents. */
  reset(projection: string): void {
    this.stmt.dropSnapshots.run(projection);
    this.stmt.dropDocs.run(projection);
    this.stmt.clearDirty.run(projection);
    // No events applied since the start, so none since a layer: the first comes after snapshotEvery.
    this.stmt.setCount.run(projection, 0);
    // No documents and no layers: nothing is missing from the next layer, whoever snapshots it.
    this.stmt.track.run(projection);
    this.tracked.add(projection);
  }

  /**
   * Inside the switch-over transaction: the layers a new version wrote while it built beside the
   * served one take the served name, with their tracking and count; the served version's go (they
   * describe other documents).
   */
  replace(served: string, building: string): void {
    this.forget(served);
    for (const rename of this.stmt.renames) rename.run(served, building);
    if (this.tracked.delete(building)) this.tracked.add(served);
  }

  /** Inside a transaction: no layers, tracking or count left under `projection`. */
  forget(projection: string): void {
    for (const drop of [this.stmt.dropSnapshots, this.stmt.dropDocs, this.stmt.clearDirty, this.stmt.untrack])
      drop.run(projection);
    this.stmt.dropCount.run(projection);
    this.tracked.delete(projection);
  }

  /** One row of the position -> recordedAt index (a running maximum), inside the batch transaction. */
  noteTime(position: number, recordedAt: string): void {
    const before = this.stmt.timeBefore.get(position) as string | undefined;
    this.stmt.putTime.run(position, before !== undefined && before > recordedAt ? before : recordedAt);
  }

  /** The newest snapshot position at or before `position`, or undefined (start of the log). */
  snapshotAtOrBefore(projection: string, position: number): number | undefined {
    return (this.stmt.atOrBefore.get(projection, position) as number | null) ?? undefined;
  }

  docAt(projection: string, key: string, snapshot: number): string | undefined {
    return this.stmt.doc.get(projection, key, snapshot) as string | undefined;
  }

  /** Keys (with their JSON) as they stood at `snapshot`, in key order, within [from, to). */
  scanAt(projection: string, snapshot: number, from: string, to: string): Iterable<[string, string]> {
    return this.stmt.scan.iterate(projection, from, to, snapshot) as Iterable<[string, string]>;
  }

  /**
   * The indexed window that holds the last position recorded at or before `instant`:
   * everything up to `known` was recorded by then; the answer lies in (known, upTo].
   * upTo is undefined when the index ends before `instant` (read on to the end of the log).
   */
  timeWindow(instant: string): { known: number; knownAt?: string; upTo?: number } {
    const upTo = this.stmt.firstAfter.get(instant) as number | undefined;
    const row = (upTo === undefined ? this.stmt.lastTime.get() : this.stmt.rowBefore.get(upTo)) as
      { position: number; recorded_at: string } | undefined;
    return { known: row?.position ?? -1, knownAt: row?.recorded_at, upTo };
  }
}
