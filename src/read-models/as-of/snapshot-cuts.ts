/** What a batch's commit writes of its cuts: their positions, the versions they need, the count since the last. */
export interface TakenCuts {
  at: readonly number[];
  /** [key, stamp (the position that wrote it), JSON] */
  kept: readonly [string, number, string][];
  since: number;
}

/**
 * Snapshots a rebuild cuts inside its own batches. A rebuild from empty commits in large batches
 * (a document read back and written again at every commit costs more than the whole fold), yet
 * keeps a snapshot every snapshotEvery events for the as-of engine: the batch counts the events,
 * notes the position where each interval ends, and keeps aside a version that a cut still needs
 * before the batch changes it again. The commit writes the cuts, those versions and the count, in
 * its one transaction.
 */
export class SnapshotCuts {
  /** Positions of the snapshots cut since the last commit, in order. */
  private at: number[] = [];
  /** Versions a cut needs, superseded since: [key, stamp (the position that wrote it), JSON]. */
  private kept: [string, number, string][] = [];

  /** @param since events applied since the last snapshot (the stored count). */
  constructor(
    private readonly every: number,
    private since: number,
  ) {}

  /** The position of the latest cut since the last commit (undefined: none). */
  get latest(): number | undefined {
    return this.at.length === 0 ? undefined : this.at[this.at.length - 1];
  }

  /** After each applied event: a cut once `every` events have been applied since the last one. */
  counted(position: number): void {
    if (++this.since < this.every) return;
    this.at.push(position);
    this.since = 0;
  }

  keep(key: string, stamp: number, json: string): void {
    this.kept.push([key, stamp, json]);
  }

  /** What the commit writes (the count is events since the last cut); then nothing pending. */
  take(): TakenCuts {
    const taken = { at: this.at, kept: this.kept, since: this.since };
    this.at = [];
    this.kept = [];
    return taken;
  }
}
