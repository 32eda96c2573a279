import type Database from 'better-sqlite3';

interface Pending<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown };

/**
 * Group commit: the writes submitted while the event loop was busy (e.g. blocked in the previous
 * fsync) run in ONE transaction with ONE commit, so concurrent commands share one fsync instead of
 * queueing for one each. Each write runs in its own savepoint (the caller nests a better-sqlite3
 * transaction function, which takes a savepoint inside an open transaction), so one that throws
 * (a stale expected revision) is rolled back alone and the others go on. Every caller is answered
 * only after the shared COMMIT returned: a commit that fails fails every write of the batch, and
 * none is told success. Durability is the connection's (synchronous=FULL syncs at that commit).
 */
export class GroupCommit {
  private pending: Pending<unknown>[] = [];
  private readonly begin: Database.Statement;
  private readonly rollback: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    /** Runs COMMIT; a seam so tests can make the commit itself fail. */
    private readonly commit: () => void,
    /** Called once after each commit (wakes subscribers, who then see the rows). */
    private readonly afterCommit: () => void,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.rollback = db.prepare('ROLLBACK');
  }

  /** Runs `work` in the next batch; resolves with its result once that batch is committed. */
  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // setImmediate, not a microtask: it runs after the poll phase, so every request that arrived
      // meanwhile reaches this queue first and joins the batch.
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ work, resolve, reject } as Pending<unknown>);
    });
  }

  /** Runs whatever is queued now (close() calls it so no accepted write is left unanswered). */
  flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const outcomes = this.runBatch(batch);
    outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.value) : batch[i].reject(o.err)));
  }

  private runBatch(batch: Pending<unknown>[]): Outcome[] {
    try {
      this.begin.run();
    } catch (err) {
      return batch.map(() => ({ ok: false, err }));
    }
    const outcomes: Outcome[] = [];
    for (const p of batch) {
      try {
        outcomes.push({ ok: true, value: p.work() });
      } catch (err) {
        outcomes.push({ ok: false, err });
        // Some faults (SQLITE_FULL, an I/O error) make SQLite roll the whole transaction back:
        // the writes before this one are gone too, so none of the batch may be acknowledged.
        if (!this.db.inTransaction)
          return batch.map((_, i) => (outcomes[i]?.ok === false ? outcomes[i] : { ok: false, err }));
      }
    }
    if (!outcomes.some((o) => o.ok)) {
      this.rollback.run();
      return outcomes;
    }
    try {
      this.commit();
    } catch (err) {
      if (this.db.inTransaction) this.rollback.run();
      return outcomes.map((o) => (o.ok ? { ok: false, err } : o));
    }
    this.afterCommit();
    return outcomes;
  }
}
