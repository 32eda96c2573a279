import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CompactRange, type CompletedNode, type NodeId, type ReadNodes } from '../integrity/merkle';

/** Where the follower stands: the tree so far, and the positions of its last two leaves (for the tail check). */
export interface LogTreeCheckpoint {
  range: CompactRange;
  lastPosition: number | null;
  /** The position of leaf size-2 (null below two leaves): reading after it must give back the last leaf's event. */
  prevPosition: number | null;
}

/** One event taken into the tree: its position and the nodes its append completed (leaf first). */
export interface TreeAppend {
  position: number;
  nodes: readonly CompletedNode[];
}

/**
 * The log-level Merkle tree on disk, in its own SQLite file (<dataDir>/log-tree.sqlite, or
 * ':memory:' beside the memory engine): every complete node (level 0, the leaf hashes, included,
 * so proofs and the tail check never read events: 2n - popcount(n) rows of 32 bytes for n events,
 * see BENCHMARKS.md), position -> leaf index, and the compact range with the last positions. A batch
 * of leaves, its nodes and the new state are one transaction, so the file is always a tree the log
 * had at some point, never half a batch. Derived data: deleting the file rebuilds it from the log.
 */
export class LogTreeStore {
  private readonly db: Database.Database;
  private readonly insertNode;
  private readonly insertLeaf;
  private readonly saveState;
  private readonly selectNode;
  private readonly selectLeaf;
  private readonly selectBefore;
  private readonly commitTx;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    if (file !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
      // WAL + NORMAL: a crash loses at most the last batches, never leaves half of one; the tree resumes from its state.
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS leaves (position INTEGER PRIMARY KEY, leaf_index INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS state (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, peaks TEXT NOT NULL,
        last_position INTEGER, prev_position INTEGER);`);
    this.insertNode = this.db.prepare('INSERT INTO nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.insertLeaf = this.db.prepare('INSERT INTO leaves (position, leaf_index) VALUES (?, ?)');
    this.saveState = this.db
      .prepare(`INSERT INTO state (id, size, peaks, last_position, prev_position) VALUES (1, @size, @peaks, @last, @prev)
      ON CONFLICT (id) DO UPDATE SET size = @size, peaks = @peaks, last_position = @last, prev_position = @prev`);
    this.selectNode = this.db.prepare<[number, number], { hash: Buffer }>(
      'SELECT hash FROM nodes WHERE level = ? AND idx = ?',
    );
    this.selectLeaf = this.db.prepare<[number], { leaf_index: number }>(
      'SELECT leaf_index FROM leaves WHERE position = ?',
    );
    this.selectBefore = this.db.prepare<[number], { p: number | null }>(
      'SELECT max(position) AS p FROM leaves WHERE position < ?',
    );
    this.commitTx = this.db.transaction(
      (appends: readonly TreeAppend[], range: CompactRange, last: number | null, prev: number | null) => {
        for (const { position, nodes } of appends) {
          this.insertLeaf.run(position, nodes[0].index);
          for (const n of nodes) this.insertNode.run(n.level, n.index, n.hash);
        }
        const { size, peaks } = range.state();
        this.saveState.run({ size, peaks: JSON.stringify(peaks), last, prev });
      },
    );
  }

  checkpoint(): LogTreeCheckpoint {
    const row = this.db.prepare('SELECT size, peaks, last_position, prev_position FROM state WHERE id = 1').get() as
      { size: number; peaks: string; last_position: number | null; prev_position: number | null } | undefined;
    if (!row) return { range: CompactRange.empty(), lastPosition: null, prevPosition: null };
    return {
      range: CompactRange.resume({ size: row.size, peaks: JSON.parse(row.peaks) as string[] }),
      lastPosition: row.last_position,
      prevPosition: row.prev_position,
    };
  }

  /** Writes a batch and the state after it, all or nothing (a duplicate node or position aborts it). */
  commit(
    appends: readonly TreeAppend[],
    range: CompactRange,
    lastPosition: number | null,
    prevPosition: number | null,
  ): void {
    this.commitTx(appends, range, lastPosition, prevPosition);
  }

  leafIndexOf(position: number): number | undefined {
    return this.selectLeaf.get(position)?.leaf_index;
  }

  /** The position of the leaf just before `position` (null for the first): reading the log after it gives that event. */
  positionBefore(position: number): number | null {
    return this.selectBefore.get(position)?.p ?? null;
  }

  readonly read: ReadNodes = (ids: readonly NodeId[]) =>
    ids.map(({ level, index }) => this.selectNode.get(level, index)?.hash);

  /** Bytes the file takes (pages x page size), for the benchmark. */
  sizeBytes(): number {
    return (
      (this.db.pragma('page_count', { simple: true }) as number) *
      (this.db.pragma('page_size', { simple: true }) as number)
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
