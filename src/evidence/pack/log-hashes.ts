import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { LogHasher } from '../../ledger/digests/log-hash';
import type { StoredEvent } from '../../ledger/event-envelope';
import { LOG_HASHES_FILE } from './pack-files';
import type { PackFileEntry, SignedDigest } from './pack-types';

/**
 * log-hashes.txt: one line per event of the WHOLE log up to the digest's position, in position order,
 *
 *   <position> <streamId> <revision> <hash>
 *
 * The digest's logHash is SHA-256 over the hash column alone (see src/ledger/digests/log-hash.ts), so
 * a verifier recomputes it from this file and checks it against the signed value. The other columns
 * say where each hash sits, so the verifier can require every event of the pack to be one of these
 * and every included stream to be whole: a stream rewritten (with its chain recomputed) or cut short
 * then shows, though the events outside the pack are represented by their hashes only.
 */
export const logHashLine = (position: number, streamId: string, revision: number, hash: string) => `${position} ${streamId} ${revision} ${hash}\n`;

export interface LogHashEntry { position: number; streamId: string; revision: number; hash: string }

const INT = /^(0|[1-9]\d*)$/;
const HASH = /^[0-9a-f]{64}$/;

/** A line parsed, or why it is not one. A stream id never holds a space, but parse as if it might. */
export function parseLogHashLine(text: string): LogHashEntry | string {
  const parts = text.split(' ');
  if (parts.length < 4) return 'not "<position> <streamId> <revision> <hash>"';
  const [position, revision, hash] = [parts[0], parts[parts.length - 2], parts[parts.length - 1]];
  const streamId = parts.slice(1, -2).join(' ');
  if (!INT.test(position) || !INT.test(revision)) return 'position and revision must be non-negative integers';
  if (!HASH.test(hash)) return 'the hash is not 64 lower-case hex characters';
  if (streamId === '') return 'no stream id';
  return { position: Number(position), streamId, revision: Number(revision), hash };
}

/**
 * Spools log-hashes.txt for `digest` to a temporary file while pass 2 reads the log (the ZIP takes
 * one entry at a time, and events.ndjson is being written), hashing it on the way; the builder adds
 * the file to the ZIP afterwards. One read of the log serves both files, and memory holds one page.
 * Refuses a file that would not verify: a ledger that does not reach the digest's position, or whose
 * hashes no longer give the signed logHash, changed after the digest was signed, and that must stop
 * the build rather than ship a pack that fails.
 */
export class LogHashesSpool {
  private readonly hasher = new LogHasher();
  private readonly sha = createHash('sha256');
  private readonly out: WriteStream;
  private bytes = 0;
  private last = -1;

  constructor(readonly digest: SignedDigest, readonly path: string) {
    this.out = createWriteStream(path);
  }

  /** One page of the log, in position order; events past the digest are ignored. */
  async addPage(page: StoredEvent[]): Promise<void> {
    let chunk = '';
    for (const e of page) {
      if (e.position > this.digest.position) break;
      chunk += logHashLine(e.position, e.streamId, e.revision, e.integrity.hash);
      this.hasher.add(e.integrity.hash);
      this.last = e.position;
    }
    if (!chunk) return;
    const buffer = Buffer.from(chunk, 'utf8');
    this.sha.update(buffer);
    this.bytes += buffer.length;
    if (!this.out.write(buffer)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  /** Closes the file once the log has been read, and says what the manifest lists for it. */
  async finish(): Promise<PackFileEntry> {
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    const d = this.digest;
    if (this.last !== d.position) throw new Error(`The ledger ends at position ${this.last}, before digest ${d.digestId}'s position ${d.position}`);
    if (this.hasher.current() !== d.logHash || this.hasher.eventCount !== d.eventCount) {
      throw new Error(`The ledger up to position ${d.position} does not give digest ${d.digestId}'s logHash and event count: it changed after the digest was signed`);
    }
    return { name: LOG_HASHES_FILE, sha256: this.sha.digest('hex'), bytes: this.bytes };
  }

  /** Stops writing (the build failed); the caller removes the file. */
  abort(): void {
    this.out.destroy();
  }
}
