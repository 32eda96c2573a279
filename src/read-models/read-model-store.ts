import type Database from 'better-sqlite3';
import type { DocumentFilter } from '../http/cursor-page';
import type { StoredEvent } from '../ledger/event-envelope';
import { classifyStoreError, storeCallSync } from '../ledger/store-errors';
import type { TakenCuts } from './as-of/snapshot-cuts';
import { DEFAULT_SNAPSHOT_EVERY, SnapshotLayers, type SnapshotOptions } from './as-of/snapshot-layers';
import { buildingName, CheckpointMovedError, type Checkpoint } from './checkpoint';
import { guarded } from './guarded-store-calls';
import { openReadModelFile } from './read-model-file';
import { RecordedTimes } from './recorded-times';
import { currentBootId, discardIfTorn, UnsyncedWrites } from './unsynced-writes';

/** Sorts after every key character we use (record ids are ASCII slugs), to bound prefix scans. */
const PREFIX_END = '\uffff';

/** What a batch tells its commit besides the documents (all optional: a bare commit stamps each with its position). */
export interface BatchFacts {
  /** Says of a key that it has no stored document (a rebuild knows its new keys): nothing to keep, no lookup. */
  unstored?: (key: string) => boolean;
  /** Per document, the position of the last event that changed it (its stamp for the snapshots). */
  stamps?: ReadonlyMap<string, number>;
  /** The snapshots the batch cut itself, the versions they need and the count since the last (SnapshotCuts). */
  cut?: TakenCuts;
}

/**
 * Read models on an embedded SQLite file beside the ledger (or ':memory:'). Documents and the
 * checkpoint are written in one transaction, so a crash leaves both at the same position: on
 * restart nothing is lost and nothing is applied twice. The read models can always be rebuilt
 * from the ledger, so NORMAL sync is enough (a lost last commit is just replayed); a rebuild from empty
 * skips the sync until it catches up (UnsyncedWrites).
 */
export class ReadModelStore {
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly commitTx;
  private readonly resetTx;
  private readonly switchOverTx;
  private readonly dropTx;
  /** Filtered scans, one prepared statement per filter's SQL (a reader has a few dozen shapes at most). */
  private readonly filteredScans = new Map<string, Database.Statement>();
  /**
   * Snapshots and the position -> recordedAt index, for as-of queries (see as-of/snapshot-layers.ts),
   * their faults translated like the store's own (the commit path uses the unguarded `snapshots`).
   */
  readonly layers: SnapshotLayers;
  private readonly snapshots: SnapshotLayers;
  /** What each projection applied since its last commit, for the position -> time index. */
  private readonly recorded = new RecordedTimes();
  /** Rebuilds from empty commit without fsync (see UnsyncedWrites): batches report their start and end. */
  readonly unsynced: UnsyncedWrites;

  /** `bootId`: the machine's boot, to tell a torn file from one a dead process left (default: the OS's). */
  constructor(file: string, options: Partial<SnapshotOptions> & { deadlineMs?: number; bootId?: string } = {}) {
    const bootId = options.bootId ?? currentBootId();
    if (file !== ':memory:') discardIfTorn(file, bootId);
    this.db = openReadModelFile(file, options.deadlineMs ?? 5000);
    this.unsynced = new UnsyncedWrites(this.db, file, bootId);
    this.snapshots = new SnapshotLayers(this.db, {
      snapshotEvery: options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY,
      snapshotProjections: options.snapshotProjections,
    });
    this.layers = guarded(this.snapshots);
    this.stmt = {
      checkpoint: this.db.prepare('SELECT version, position FROM checkpoints WHERE projection = ?'),
      get: this.db.prepare('SELECT doc FROM documents WHERE projection = ? AND key = ?').pluck(),
      put: this.db.prepare(
        'INSERT INTO documents (projection, key, doc, stamp) VALUES (?, ?, ?, ?) ON CONFLICT (projection, key) DO UPDATE SET doc = excluded.doc, stamp = excluded.stamp',
      ),
      setCheckpoint: this.db.prepare(
        'INSERT INTO checkpoints (projection, version, position) VALUES (?, ?, ?) ON CONFLICT (projection) DO UPDATE SET version = excluded.version, position = excluded.position',
      ),
      drop: this.db.prepare('DELETE FROM documents WHERE projection = ?'),
      rename: this.db.prepare('UPDATE documents SET projection = ? WHERE projection = ?'),
      dropCheckpoint: this.db.prepare('DELETE FROM checkpoints WHERE projection = ?'),
      replacedAt: this.db.prepare('SELECT replaced_at FROM switch_overs WHERE projection = ?').pluck(),
      setReplacedAt: this.db.prepare(
        'INSERT INTO switch_overs (projection, replaced_at) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET replaced_at = excluded.replaced_at',
      ),
      names: this.db.prepare('SELECT projection FROM checkpoints WHERE projection > ? AND projection < ?').pluck(),
      scan: this.db
        .prepare('SELECT key, doc FROM documents WHERE projection = ? AND key > ? AND key < ? ORDER BY key')
        .raw(),
      // Needs fresh pages (a blob larger than a page): see probe().
      probe: this.db.prepare(
        "INSERT INTO documents (projection, key, doc) VALUES ('$health-probe', '', zeroblob(70000))",
      ),
    };
    this.commitTx = this.db.transaction(
      (...[projection, version, from, position, docs, events, batch = {}]: Parameters<ReadModelStore['commit']>) => {
        // Compare-and-set, inside the write transaction (BEGIN IMMEDIATE: no other writer in between):
        // one indexed read, and a refusal before anything is written.
        const stored = this.checkpoint(projection);
        if (stored ? stored.version !== version || stored.position !== from : from !== undefined) {
          throw new CheckpointMovedError(projection, { version, position: from }, stored);
        }
        // A version a snapshot still needs is copied aside before it is overwritten (copy on write).
        const { unstored, stamps, cut } = batch;
        const keepFrom = this.snapshots.keepFrom(projection);
        for (const [key, stamp, json] of cut?.kept ?? []) this.snapshots.keepVersion(projection, key, stamp, json);
        for (const [key, doc] of docs) {
          if (keepFrom !== undefined && !unstored?.(key)) this.snapshots.keep(projection, key, keepFrom);
          this.stmt.put.run(projection, key, JSON.stringify(doc), stamps?.get(key) ?? position);
        }
        this.stmt.setCheckpoint.run(projection, version, position);
        const recorded = this.recorded.of(projection);
        for (const [at, recordedAt] of recorded?.marks ?? [])
          if (at < position) this.snapshots.noteTime(at, recordedAt);
        this.snapshots.afterCommit(projection, position, events, recorded?.latest, cut);
      },
    );
    this.resetTx = this.db.transaction((projection: string, version: number) => {
      this.snapshots.reset(projection);
      this.stmt.drop.run(projection);
      this.stmt.setCheckpoint.run(projection, version, null);
    });
    this.switchOverTx = this.db.transaction((served: string, version: number, position: number | undefined) => {
      const building = buildingName(served, version);
      const stored = this.checkpoint(building);
      if (stored?.version !== version || stored.position !== position)
        throw new CheckpointMovedError(building, { version, position }, stored);
      // A version that served nothing gave no client an id: an earlier switch-over's mark still holds.
      const replaced = this.checkpoint(served)?.position;
      if (replaced !== undefined) this.stmt.setReplacedAt.run(served, replaced);
      this.snapshots.replace(served, building);
      this.stmt.drop.run(served);
      this.stmt.rename.run(served, building);
      this.stmt.setCheckpoint.run(served, version, position ?? null);
      this.stmt.dropCheckpoint.run(building);
    });
    this.dropTx = this.db.transaction((name: string) => {
      this.snapshots.forget(name);
      this.stmt.drop.run(name);
      this.stmt.dropCheckpoint.run(name);
    });
  }

  checkpoint(projection: string): Checkpoint | undefined {
    const row = storeCallSync('read-model-store', false, () => this.stmt.checkpoint.get(projection)) as
      { version: number; position: number | null } | undefined;
    return row && { version: row.version, position: row.position ?? undefined };
  }

  /** A document as stored (its JSON), or undefined. */
  getJson(projection: string, key: string): string | undefined {
    return storeCallSync('read-model-store', false, () => this.stmt.get.get(projection, key)) as string | undefined;
  }

  get<D>(projection: string, key: string): D | undefined {
    const json = this.getJson(projection, key);
    return json === undefined ? undefined : (JSON.parse(json) as D);
  }

  /**
   * A batch's documents and its checkpoint, atomically (with a snapshot when one is due), only if
   * the stored checkpoint is still `from`, the one the batch was applied from (undefined: the start
   * of the log, or no checkpoint yet). Otherwise throws CheckpointMovedError and writes nothing.
   * `events`: how many events the batch applied (from `from` to `position`); snapshot layers are
   * spaced by this count, never by the distance between two positions (they are opaque).
   * `batch`: what the batch knows besides (see BatchFacts).
   */
  commit(
    projection: string,
    version: number,
    from: number | undefined,
    position: number,
    docs: Map<string, unknown>,
    events: number,
    batch?: BatchFacts,
  ): void {
    if (!Number.isSafeInteger(events) || events < 0)
      throw new RangeError(`A batch applies a whole number of events, not ${events}`);
    try {
      storeCallSync('read-model-store', true, () =>
        this.commitTx.immediate(projection, version, from, position, docs, events, batch),
      );
    } catch (err) {
      // Refused: the batch is dropped, and its events' times are noted again when they are re-applied.
      // (Any other failure keeps them, for a retry of the same batch.)
      if (err instanceof CheckpointMovedError) this.recorded.forget(projection);
      throw err;
    }
    this.recorded.forget(projection);
  }

  /** The worker reports each applied event's recordedAt; the next commit indexes the latest. */
  noteRecorded(projection: string, recordedAt: string, position?: number): void {
    this.recorded.note(projection, recordedAt, position);
  }

  /** As noteRecorded for each of events[from..to) (a page's run applied in one pass). */
  noteRecordedAll(projection: string, events: readonly StoredEvent[], from: number, to: number): void {
    this.recorded.noteAll(projection, events, from, to);
  }

  /** Forget a projection's documents and start it again from the beginning of the log. */
  reset(projection: string, version: number): void {
    storeCallSync('read-model-store', true, () => this.resetTx.immediate(projection, version));
  }

  /**
   * Blue-green: the version built beside `served` under buildingName(served, version), now at
   * `position`, replaces it in one transaction (documents, checkpoint, snapshot layers; the old
   * version's are dropped in it, and where it stood is kept: replacedAt). A reader sees the old
   * version whole or the new one whole. Refused (CheckpointMovedError, nothing written) unless the
   * build's checkpoint is `version` at `position`.
   */
  switchOver(served: string, version: number, position: number | undefined): void {
    storeCallSync('read-model-store', true, () => this.switchOverTx.immediate(served, version, position));
  }

  /**
   * Where the version replaced by `served`'s latest switch-over stood (its checkpoint then), or
   * undefined if it never switched over: a stream id at or before it was sent by a replaced version.
   */
  replacedAt(served: string): number | undefined {
    const at = storeCallSync('read-model-store', false, () => this.stmt.replacedAt.get(served)) as number | undefined;
    return at ?? undefined;
  }

  /** The names builds of `served` left in the file (buildingName of some version), e.g. of an abandoned version. */
  builds(served: string): string[] {
    const from = buildingName(served, 0).replace(/0$/, '');
    return storeCallSync('read-model-store', false, () => this.stmt.names.all(from, from + PREFIX_END)) as string[];
  }

  /** Drops the builds of `served` whose checkpoint is beyond `head` (undefined: an empty ledger), as resetAhead does. */
  dropBuildsAhead(served: string, head: number | undefined): void {
    for (const build of this.builds(served)) {
      const at = this.checkpoint(build)?.position;
      if (at !== undefined && (head === undefined || at > head)) this.drop(build);
    }
  }

  /** Forgets a name's documents, checkpoint and snapshot layers (an abandoned build). */
  drop(name: string): void {
    storeCallSync('read-model-store', true, () => this.dropTx.immediate(name));
  }

  /**
   * Documents whose key starts with `prefix`, in key order, strictly after `afterKey` (lazy); with
   * `where`, only those SQLite finds matching it (the documents it skips are never parsed).
   */
  *scan<D>(
    projection: string,
    prefix: string,
    afterKey?: string,
    where?: DocumentFilter,
  ): Generator<{ key: string; doc: D }> {
    const from = afterKey !== undefined && afterKey > prefix ? afterKey : prefix;
    try {
      const rows = where
        ? this.filteredScan(where.sql).iterate(projection, from, prefix + PREFIX_END, ...where.params)
        : this.stmt.scan.iterate(projection, from, prefix + PREFIX_END);
      for (const [key, doc] of rows as Iterable<[string, string]>) {
        yield { key, doc: JSON.parse(doc) as D };
      }
    } catch (err) {
      throw classifyStoreError(err, 'read-model-store', { writing: false });
    }
  }

  private filteredScan(sql: string): Database.Statement {
    let stmt = this.filteredScans.get(sql);
    if (stmt === undefined) {
      stmt = this.db
        .prepare(
          `SELECT key, doc FROM documents WHERE projection = ? AND key > ? AND key < ? AND (${sql}) ORDER BY key`,
        )
        .raw();
      this.filteredScans.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * For /health: whether the file can be written now, without writing. A row needing fresh pages is
   * inserted in a transaction that is always rolled back, so a read-only or full file fails here as
   * a commit would (SQLITE_READONLY, SQLITE_FULL) and nothing is kept.
   */
  probe(): void {
    storeCallSync('read-model-store', false, () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        this.stmt.probe.run();
      } finally {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      }
    });
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.unsynced.sync();
    } finally {
      this.db.close();
    }
  }
}
