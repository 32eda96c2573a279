import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataDirLock, DataDirLockedError, LOCK_FILE, OWNER_FILE, readDataDirOwner } from './data-dir-lock';

describe('DataDirLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'data-dir-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a free directory, then it is locked and the owner file names this pid; a second acquire is refused naming it', () => {
    const lock = DataDirLock.acquire(dir);
    try {
      expect(readDataDirOwner(dir)).toEqual({ pid: process.pid });
      expect(() => DataDirLock.acquire(dir)).toThrow(DataDirLockedError);
      expect(() => DataDirLock.acquire(dir)).toThrow(
        `Data directory ${dir} is in use by another process (pid ${process.pid})`,
      );
    } finally {
      lock.release();
    }
  });

  it('given a released lock, then the owner file is gone and the directory can be locked again (release twice is harmless)', () => {
    const lock = DataDirLock.acquire(dir);
    lock.release();
    lock.release();
    expect([existsSync(join(dir, OWNER_FILE)), existsSync(join(dir, LOCK_FILE))]).toEqual([false, true]);
    DataDirLock.acquire(dir).release();
  });

  it('given a directory that does not exist yet, then it is created and locked', () => {
    const nested = join(dir, 'a', 'b');
    const lock = DataDirLock.acquire(nested);
    expect(readDataDirOwner(nested)).toEqual({ pid: process.pid });
    lock.release();
  });

  it('given a holder that has not written its owner file, then the refusal says the pid is unknown rather than guess', () => {
    const lock = DataDirLock.acquire(dir);
    try {
      rmSync(join(dir, OWNER_FILE));
      expect(() => DataDirLock.acquire(dir)).toThrow(new DataDirLockedError(dir, undefined));
      expect(new DataDirLockedError(dir, undefined).message).toContain('(pid unknown)');
    } finally {
      lock.release();
    }
  });

  it.each([
    [{ address: '127.0.0.1', family: 'IPv4', port: 3000 }, 'http://127.0.0.1:3000'],
    [{ address: '0.0.0.0', family: 'IPv4', port: 3001 }, 'http://127.0.0.1:3001'],
    [{ address: '::', family: 'IPv6', port: 3002 }, 'http://[::1]:3002'],
    [{ address: '::1', family: 'IPv6', port: 3003 }, 'http://[::1]:3003'],
  ])('given the service listening on %o, then the owner file records %s for scripts to reach it', (address, url) => {
    const lock = DataDirLock.acquire(dir);
    try {
      lock.noteListening(address);
      expect(readDataDirOwner(dir)).toEqual({ pid: process.pid, url });
    } finally {
      lock.release();
    }
  });

  it('given a pipe address or a released lock, then nothing is recorded', () => {
    const lock = DataDirLock.acquire(dir);
    lock.noteListening('/tmp/some.sock');
    expect(readDataDirOwner(dir)).toEqual({ pid: process.pid });
    lock.release();
    lock.noteListening({ address: '127.0.0.1', family: 'IPv4', port: 3000 });
    expect(readDataDirOwner(dir)).toBeUndefined();
  });

  it('given a lock its holder keeps no reference to, when the garbage collector runs, then the directory stays locked until release()', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const ref = new WeakRef(DataDirLock.acquire(dir)); // a WeakRef holds nothing alive
    for (let i = 0; i < 3; i++) {
      await new Promise(setImmediate); // past the job that made the WeakRef, and the finalisers' turn
      gc();
    }
    expect(() => DataDirLock.acquire(dir)).toThrow(DataDirLockedError);
    ref.deref()?.release();
    DataDirLock.acquire(dir).release();
  });

  it('given a lock file SQLite cannot open, then the error names it (better-sqlite3 alone names no path)', () => {
    mkdirSync(join(dir, LOCK_FILE)); // a directory where the file should be: as unopenable as a read-only one, even for root
    expect(() => DataDirLock.acquire(dir)).toThrow(`${join(dir, LOCK_FILE)}: unable to open database file`);
  });
});
