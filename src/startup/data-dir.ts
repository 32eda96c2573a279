import { closeSync, mkdirSync, openSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'part of the path is a file, not a directory',
  ENOSPC: 'no space left on the device',
  ENOENT: 'files cannot be created there',
  EEXIST: 'it is a file, not a directory',
};

/** The data directory cannot be created or written: named with its path and what to do. */
export class DataDirUnwritableError extends Error {
  constructor(
    readonly dir: string,
    readonly code: string,
    readonly file?: string,
  ) {
    const uid = typeof process.getuid === 'function' ? ` (uid ${process.getuid()})` : '';
    const what = file ? `${file} in the data directory ${dir}` : `the data directory ${dir}`;
    super(
      `Cannot write to ${what} (LEDGER_DATA_DIR): ${REASONS[code] ?? code} (${code}). ` +
        `${file ? 'Make it' : 'Create it and make it'} writable by the user running the ledger${uid}, or set LEDGER_DATA_DIR to a writable directory.`,
    );
  }
}

/**
 * Creates the data directory if need be and proves it writable by creating and removing a file in
 * it, and each file already in it by opening it for writing, before anything opens a database there:
 * SQLite's own refusal ("unable to open database file") names no path. Files matter too: a volume
 * first used by a root-owned process keeps root-owned databases when the image later runs as `node`.
 * Real opens, not access(W_OK): root passes W_OK on paths it still cannot write (read-only mounts,
 * /proc, immutable files), and so may an ACL.
 */
export function assertDataDirWritable(dir: string): void {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (err) {
    throw new DataDirUnwritableError(dir, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    try {
      closeSync(openSync(join(dir, entry.name), 'r+'));
    } catch (err) {
      throw new DataDirUnwritableError(dir, (err as NodeJS.ErrnoException).code ?? (err as Error).message, entry.name);
    }
  }
}
