import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The lock itself: an SQLite file held in an exclusive transaction for as long as the owner runs. */
export const LOCK_FILE = 'owner.lock';
/** Who holds the lock (pid, and where it listens once it does): written by the holder, after acquiring. */
export const OWNER_FILE = 'owner.json';

export interface DataDirOwner {
  pid: number;
  /** Where the owning service answers HTTP (set once it listens): scripts that write talk to it there. */
  url?: string;
}

/** Another process (or another app in this one) owns the data directory: this one must not open it. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner | undefined,
  ) {
    super(
      `Data directory ${dataDir} is in use by another process (pid ${owner?.pid ?? 'unknown'}): one process owns a data directory; stop that one or set another LEDGER_DATA_DIR`,
    );
  }
}

/**
 * Every lock not yet released. The OS lock lives as long as the SQLite connection, and better-sqlite3
 * closes a connection whose object is garbage-collected: a holder that kept no reference lost the
 * lock at the next collection while it still ran (the SIGKILL test's child did, when first touching
 * its stdout pipe). Held here, a lock lasts until release() or the end of the process.
 */
const held = new Set<DataDirLock>();

/**
 * One owner per data directory: two processes on one directory would both run the projections,
 * the pack queue and the schedules over the same files. The lock is an OS file lock taken through
 * SQLite (locking_mode=EXCLUSIVE and a transaction that is never committed): the operating system
 * drops it when the process dies, however it dies (SIGKILL included), so nothing ever has to guess
 * whether a pid is stale. SQLite also refuses a second connection in the same process, so a second
 * in-process app (a test, or the demo loader) is refused too. Needs a file system with working
 * POSIX locks (local disks; not every network share).
 */
export class DataDirLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    private readonly db: Database.Database,
  ) {}

  /** Takes the lock or throws DataDirLockedError (naming the holder's pid) at once: no waiting. */
  static acquire(dataDir: string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, LOCK_FILE);
    let db: Database.Database;
    try {
      db = new Database(file, { timeout: 0 });
    } catch (err) {
      // better-sqlite3 names no path ("unable to open database file"): say which file. (Not
      // `instanceof Error`: the native module's errors may come from another realm, as under jest.)
      if (typeof (err as Error | undefined)?.message === 'string')
        (err as Error).message = `${file}: ${(err as Error).message}`;
      throw err;
    }
    try {
      // No journal file beside it: the transaction never writes.
      db.pragma('journal_mode = MEMORY');
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      db.close();
      if ((err as { code?: string }).code === 'SQLITE_BUSY')
        throw new DataDirLockedError(dataDir, readDataDirOwner(dataDir));
      throw err;
    }
    const lock = new DataDirLock(dataDir, db);
    held.add(lock);
    lock.writeOwner({ pid: process.pid });
    return lock;
  }

  /** Records where the service listens, so `npm run demo:load` can send its commands there. */
  noteListening(address: AddressInfo | string | null): void {
    if (this.released || address === null || typeof address === 'string') return;
    // A wildcard bind is reachable on loopback; an IPv6 literal needs brackets in a URL.
    const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
    this.writeOwner({ pid: process.pid, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` });
  }

  /** Idempotent; the owner file goes first, while the lock still guards it. */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    rmSync(join(this.dataDir, OWNER_FILE), { force: true });
    this.db.close();
  }

  /** Written whole (temp file, then rename), so a reader never sees half of it. */
  private writeOwner(owner: DataDirOwner): void {
    const file = join(this.dataDir, OWNER_FILE);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(owner)}\n`);
    renameSync(`${file}.tmp`, file);
  }
}

/**
 * Who holds the lock, as the holder wrote it. Only meaningful while the lock is held (the file of a
 * process that was killed stays behind until the next owner overwrites it); undefined when absent.
 */
export function readDataDirOwner(dataDir: string): DataDirOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as DataDirOwner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}
