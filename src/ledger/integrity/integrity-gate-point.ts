import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VerifiedPoint } from './integrity-gate-tail';

/** Where the gate keeps its last verified point: a file in the data directory, or the process (memory store). */
export interface VerifiedPointStore {
  load(): VerifiedPoint | undefined;
  save(point: VerifiedPoint): void;
}

export class MemoryVerifiedPointStore implements VerifiedPointStore {
  private point?: VerifiedPoint;
  load(): VerifiedPoint | undefined {
    return this.point;
  }
  save(point: VerifiedPoint): void {
    this.point = point;
  }
}

export const INTEGRITY_FILE = 'integrity.json';

/**
 * <dataDir>/integrity.json. It saves work, it is not evidence: a missing, unreadable or edited file
 * only makes the next check read more of the log (from the start when absent or malformed); a point
 * moved to an event that is not the one verified there fails the check as a lost tail.
 */
export class FileVerifiedPointStore implements VerifiedPointStore {
  readonly file: string;
  constructor(dataDir: string) {
    this.file = join(dataDir, INTEGRITY_FILE);
  }

  load(): VerifiedPoint | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return undefined;
    }
    const p = (raw as { verifiedThrough?: Partial<VerifiedPoint> } | null)?.verifiedThrough;
    const ok =
      p &&
      typeof p.position === 'number' &&
      typeof p.streamId === 'string' &&
      typeof p.revision === 'number' &&
      typeof p.hash === 'string';
    if (!ok) return undefined;
    return {
      position: p.position!,
      streamId: p.streamId!,
      revision: p.revision!,
      hash: p.hash!,
      ...(p.tree ? { tree: p.tree } : {}),
    };
  }

  /** Written to a temporary file and renamed over the old one: a crash leaves the old point or the new, never half. */
  save(point: VerifiedPoint): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ verifiedThrough: point }, null, 2)}\n`);
    renameSync(tmp, this.file);
  }
}
