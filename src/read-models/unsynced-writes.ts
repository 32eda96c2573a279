import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';

/** Where this machine's boot is named (Linux); elsewhere the boot is unknown and any mark discards the file. */
const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id';

export function currentBootId(): string | undefined {
  try {
    return readFileSync(BOOT_ID_FILE, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

const markPrefix = (file: string) => `${basename(file)}.unsynced-`;

/**
 * Before the read-model file is opened: if a process wrote to it without syncing (a rebuild's
 * commits, see UnsyncedWrites) and the machine has restarted since, the file may be torn, so it is
 * deleted with its WAL and marks; the read models then rebuild from the ledger. A mark left by a
 * process that merely died (same boot) is dropped: the OS still holds every write it made.
 * Returns whether the file was discarded.
 */
export function discardIfTorn(file: string, bootId: string | undefined): boolean {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false; // a new directory: nothing written yet
    throw err;
  }
  const marks = names.filter((name) => name.startsWith(markPrefix(file)));
  if (marks.length === 0) return false;
  const torn = marks.some((mark) => bootId === undefined || readMark(join(dir, mark)) !== bootId);
  if (torn) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    for (const mark of marks) rmSync(join(dir, mark), { force: true });
    new Logger('ReadModelStore').warn(
      `${file} was being rebuilt without fsync when the machine stopped: discarded, the read models rebuild from the ledger`,
    );
    return true;
  }
  for (const mark of marks)
    if (!isAlive(parseInt(mark.slice(markPrefix(file).length), 10))) rmSync(join(dir, mark), { force: true });
  return false;
}

function readMark(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** fsync of a file, or of a directory (its entries); nothing for a path that does not exist. */
function fsyncFile(path: string, directory = false): void {
  let fd: number;
  try {
    fd = openSync(path, directory ? 'r' : 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A rebuild from empty commits without fsync (synchronous=OFF): its checkpoints' syncs cost ~0.7 s of
 * a 300k-event rebuild's ~8 s (BENCHMARKS.md, A rebuild's commits without fsync), and what it writes is derived from the ledger.
 * Safe against the process dying (the OS keeps the writes); against the machine stopping it is made
 * safe by a mark beside the file, named by this process and holding the boot's id, written and
 * synced before the first unsynced commit and removed only once the file and its WAL are synced
 * again: a file found with a mark from another boot is discarded and rebuilt (discardIfTorn).
 * The connection is shared, so every commit is unsynced while any projection rebuilds from empty.
 */
export class UnsyncedWrites {
  private static opened = 0;
  private readonly id = ++UnsyncedWrites.opened;
  private readonly rebuilding = new Set<string>();
  private mark?: string;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly bootId: string | undefined,
  ) {}

  /** Whether commits are synced now ('normal') or skip the fsync ('off'). */
  commitSync(): 'normal' | 'off' {
    return this.db.pragma('synchronous', { simple: true }) === 0 ? 'off' : 'normal';
  }

  /** A projection starts rebuilding from empty: commits skip the fsync from now on. */
  started(projection: string): void {
    if (this.file === ':memory:') return;
    if (this.mark === undefined) {
      // Named by process and store: two stores on one file (tests) each keep their own mark.
      const mark = join(dirname(this.file), `${markPrefix(this.file)}${process.pid}.${this.id}`);
      try {
        writeFileSync(mark, this.bootId ?? '');
        fsyncFile(mark);
        fsyncFile(dirname(this.file), true);
      } catch {
        return; // no mark, no unsynced commits: the rebuild commits synced, as before
      }
      this.db.pragma('synchronous = OFF');
      this.mark = mark;
    }
    this.rebuilding.add(projection);
  }

  /** A projection caught up (or commits from a checkpoint again): once none rebuilds, everything is synced. */
  ended(projection: string): void {
    if (this.rebuilding.delete(projection) && this.rebuilding.size === 0) this.sync();
  }

  /**
   * Syncs the WAL and the file through SQLite, then removes the mark (at once, whoever still rebuilds:
   * on close). Never through another descriptor of theirs: closing one would drop the POSIX locks
   * SQLite holds on them in this process. A commit under FULL syncs the WAL; a checkpoint that then
   * copies every frame syncs the file, which also holds the pages unsynced checkpoints copied into it
   * (their frames may be gone from the WAL). If another connection keeps a frame from being copied,
   * the mark stays: a restart on another boot then rebuilds, which is safe.
   */
  sync(): void {
    this.rebuilding.clear();
    if (this.mark === undefined) return;
    this.db.pragma('synchronous = FULL');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    this.db.pragma(`user_version = ${version}`); // a one-page commit, so the checkpoint has a frame to copy
    const [done] = this.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    this.db.pragma('synchronous = NORMAL');
    if (done.busy !== 0 || done.checkpointed !== done.log) return;
    rmSync(this.mark, { force: true });
    this.mark = undefined;
  }
}
