import type Database from 'better-sqlite3';
import { servedName } from '../checkpoint';
import { newestByKey } from './newest-by-key';
import { SnapshotCuts, type TakenCuts } from './snapshot-cuts';

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
 * Superseded versions: rows appended in rowid order (a batch's rows land at the end of the table), found
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
 * Snapshots by copy on write. Every document row carries a stamp: the position of the event that
 * last changed it (of the commit, for a commit that gives none). A snapshot at S is a row in `snapshots`; a document's state at S is its newest
 * version stamped at or before S: the current row if its stamp is <= S, else the newest superseded
 * version in snapshot_docs. A version is copied there only when a commit overwrites it after a
 * snapshot it belongs to (its stamp <= the latest snapshot), in that commit's transaction, so
 * taking a snapshot writes no document at all, and a rebuild from empty, whose documents mostly
 * change within one interval, copies a fraction of them. (Copying each interval's changed
 * documents into a layer wrote every document twice: 0.6 of the rebuild's hand-written limit, in
 * BENCHMARKS.md, Projections.)
 *
 * snapshot_counts holds, per projection, the events applied since its last snapshot (or since its
 * reset), written in each batch transaction; a snapshot is due when it reaches snapshotEvery. No
 * row means the count is unknown (snapshots paused for the projection): the next commit takes one
 * and the count starts from there.
 *
 * log_times is a sparse position -> recordedAt index: one row per committed batch holding the
 * latest recordedAt of every event up to that position (a running maximum, so it only grows
 * with position even if the ledger's clock ever stepped back). Dates map to positions through it.
 */
export class SnapshotLayers {
  private readonly stmt;
  private readonly snapshotted?: Set<string>;
  /** Projections without snapshots whose stale layers (if any) were dropped by this process. */
  private readonly cleared = new Set<string>();

  constructor(
    private readonly db: Database.Database,
    private readonly options: SnapshotOptions,
  ) {
    db.exec(DDL);
    db.exec(LAYER_DOCS_DDL);
    this.snapshotted = options.snapshotProjections && new Set(options.snapshotProjections);
    this.stmt = {
      count: db.prepare('SELECT events_since FROM snapshot_counts WHERE projection = ?').pluck(),
      setCount: db.prepare(
        'INSERT INTO snapshot_counts (projection, events_since) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET events_since = excluded.events_since',
      ),
      dropCount: db.prepare('DELETE FROM snapshot_counts WHERE projection = ?'),
      atOrBefore: db.prepare('SELECT MAX(position) FROM snapshots WHERE projection = ? AND position <= ?').pluck(),
      latest: db.prepare('SELECT MAX(position) FROM snapshots WHERE projection = ?').pluck(),
      // The version a write is about to replace, if a snapshot at or after its stamp still needs it.
      keep: db.prepare(
        'INSERT OR IGNORE INTO snapshot_docs (projection, key, position, doc) SELECT projection, key, stamp, doc FROM documents WHERE projection = ? AND key = ? AND stamp <= ?',
      ),
      keepVersion: db.prepare(
        'INSERT OR IGNORE INTO snapshot_docs (projection, key, position, doc) VALUES (?, ?, ?, ?)',
      ),
      addSnapshot: db.prepare('INSERT INTO snapshots (projection, position) VALUES (?, ?)'),
      dropSnapshots: db.prepare('DELETE FROM snapshots WHERE projection = ?'),
      dropDocs: db.prepare('DELETE FROM snapshot_docs WHERE projection = ?'),
      current: db.prepare('SELECT doc FROM documents WHERE projection = ? AND key = ? AND stamp <= ?').pluck(),
      superseded: db
        .prepare(
          'SELECT doc FROM snapshot_docs WHERE projection = ? AND key = ? AND position <= ? ORDER BY position DESC LIMIT 1',
        )
        .pluck(),
      // Both in key order straight off their index (a UNION ... ORDER BY sorted the whole range first).
      scanCurrent: db
        .prepare(
          'SELECT key, doc FROM documents WHERE projection = ? AND key > ? AND key < ? AND stamp <= ? ORDER BY key',
        )
        .raw(),
      // SQLite returns the bare column `doc` from the row holding MAX(position) in each group.
      scanSuperseded: db
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
      renames: ['snapshots', 'snapshot_docs', 'snapshot_counts'].map((table) =>
        db.prepare(`UPDATE ${table} SET projection = ? WHERE projection = ?`),
      ),
    };
  }

  /**
   * How many applied events apart this projection's snapshots are (Infinity: it keeps none). A
   * rebuild commits at least this often, since a snapshot is cut at a commit: 100,000-event batches
   * left the as-of engine replaying up to 100,000 events per answer (BENCHMARKS.md, Projections).
   */
  layerEvery(projection: string): number {
    return this.keeps(projection) ? this.options.snapshotEvery : Infinity;
  }

  private keeps(projection: string): boolean {
    return this.options.snapshotEvery > 0 && (!this.snapshotted || this.snapshotted.has(servedName(projection)));
  }

  /**
   * Inside the batch transaction, before its documents are written: the stamp at or below which a
   * version being overwritten must be kept (the latest snapshot's position), or undefined when none
   * need keeping (no snapshot yet). A projection that keeps no snapshots (any more) loses its stale
   * ones here, once: its documents change from now on without copies, so they would lie.
   */
  keepFrom(projection: string): number | undefined {
    if (!this.keeps(projection)) {
      if (!this.cleared.has(projection)) this.forget(projection);
      this.cleared.add(projection);
      return undefined;
    }
    return (this.stmt.latest.get(projection) as number | null) ?? undefined;
  }

  /** Inside the batch transaction, before `key` is overwritten: keeps its current version if a snapshot needs it. */
  keep(projection: string, key: string, keepFrom: number): void {
    this.stmt.keep.run(projection, key, keepFrom);
  }

  /** Inside the batch transaction: a version a snapshot cut in the batch needs (see SnapshotCuts). */
  keepVersion(projection: string, key: string, stamp: number, json: string): void {
    this.stmt.keepVersion.run(projection, key, stamp, json);
  }

  /**
   * For a rebuild's batch: cuts its snapshots at the right events itself, from the stored count
   * (undefined when the projection keeps none, or its count is unknown: then commits take them).
   */
  cutsFor(projection: string): SnapshotCuts | undefined {
    if (!this.keeps(projection)) return undefined;
    const since = this.stmt.count.get(projection) as number | undefined;
    return since === undefined ? undefined : new SnapshotCuts(this.options.snapshotEvery, since);
  }

  /**
   * Inside the batch transaction, after the documents are written (`events`: how many events the
   * batch applied, up to `position`): notes the time, counts the events and takes a snapshot at
   * `position` once snapshotEvery have been applied since the last one; or, for a batch that cut
   * its own (`cut`), records those and the count it reached.
   */
  afterCommit(
    projection: string,
    position: number,
    events: number,
    latestRecordedAt?: string,
    cut?: Pick<TakenCuts, 'at' | 'since'>,
  ): void {
    if (latestRecordedAt !== undefined) this.noteTime(position, latestRecordedAt);
    if (!this.keeps(projection)) return;
    if (cut) {
      // Cut by the batch (SnapshotCuts), each at the event that ended its interval.
      for (const at of cut.at) this.stmt.addSnapshot.run(projection, at);
      this.stmt.setCount.run(projection, cut.since);
      return;
    }
    // Counted in events: a position is opaque and never subtracted (on EventStoreDB the distance
    // between two is bytes of log, so an interval of positions meant a snapshot every few events).
    const since = this.stmt.count.get(projection) as number | undefined;
    if (since !== undefined && since + events < this.options.snapshotEvery) {
      this.stmt.setCount.run(projection, since + events);
      return;
    }
    this.stmt.addSnapshot.run(projection, position);
    this.stmt.setCount.run(projection, 0);
  }

  /** Inside the reset transaction: another version's snapshots describe other documents. */
  reset(projection: string): void {
    this.stmt.dropSnapshots.run(projection);
    this.stmt.dropDocs.run(projection);
    // No events applied since the start, so none since a snapshot: the first comes after snapshotEvery.
    this.stmt.setCount.run(projection, 0);
  }

  /**
   * Inside the switch-over transaction: the snapshots a new version took while it built beside the
   * served one take the served name, with its kept versions and count; the served version's go
   * (they describe other documents).
   */
  replace(served: string, building: string): void {
    this.forget(served);
    for (const rename of this.stmt.renames) rename.run(served, building);
  }

  /** Inside a transaction: no snapshots, kept versions or count left under `projection`. */
  forget(projection: string): void {
    for (const drop of [this.stmt.dropSnapshots, this.stmt.dropDocs, this.stmt.dropCount]) drop.run(projection);
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

  /** `key`'s document as it stood at `snapshot` (a snapshot position), or undefined if it did not exist then. */
  docAt(projection: string, key: string, snapshot: number): string | undefined {
    return (this.stmt.current.get(projection, key, snapshot) ?? this.stmt.superseded.get(projection, key, snapshot)) as
      string | undefined;
  }

  /**
   * Keys (with their JSON) as they stood at `snapshot`, in key order, within (from, to): the current
   * rows stamped by then, merged with the newest superseded version by then of every other key (a
   * key in both has changed since: its current row is the newer, and the one that stood then).
   */
  scanAt(projection: string, snapshot: number, from: string, to: string): Iterable<[string, string]> {
    const args = [projection, from, to, snapshot];
    return newestByKey(
      this.stmt.scanCurrent.iterate(...args) as Iterable<[string, string]>,
      this.stmt.scanSuperseded.iterate(...args) as Iterable<[string, string]>,
    );
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
