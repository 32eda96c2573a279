import Database from 'better-sqlite3';
import { BOUND_LIMIT } from '../../shared/bound-limit';
import type { StoredEvent } from '../event-envelope';
import type { ReadAllOptions, ReadStreamOptions } from '../event-store.port';
import { EVENT_COLUMNS, type Row, toEvent } from './schema';

/** No count (or Infinity) reads everything, as SQLite does for -1. */
const limit = (maxCount?: number) =>
  maxCount === undefined || maxCount === Infinity ? -1 : Math.max(0, Math.floor(maxCount));

/**
 * A SQLite ledger file opened read-only, for tools that only read (verify-store) while the
 * service that owns the data directory runs: SQLite refuses any write on this connection, it
 * creates no file (a missing path is an error, not an empty ledger), and it never changes the
 * journal mode. WAL lets it read beside the service's writer. Only the unfiltered reads the
 * verifier makes; the service itself uses SqliteEventStore.
 */
export class ReadOnlySqliteLedger {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
    this.stmt = {
      all: this.db
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ${BOUND_LIMIT}`)
        .raw(),
      forwards: this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ${BOUND_LIMIT}`,
        )
        .raw(),
    };
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    if (options.filter) throw new Error('ReadOnlySqliteLedger reads the whole log only');
    return (this.stmt.all.all(options.after ?? -1, limit(options.maxCount)) as Row[]).map(toEvent);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    if (options.direction === 'backwards') throw new Error('ReadOnlySqliteLedger reads streams forwards only');
    return (this.stmt.forwards.all(streamId, options.fromRevision ?? 0, limit(options.maxCount)) as Row[]).map(toEvent);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
