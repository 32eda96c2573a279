import { LogHasher } from '../../../ledger/digests/log-hash';
import type { EventStore } from '../../../ledger/event-store.port';
import type { SignedDigest } from '../../../ledger/digests/signed-digest';
import { logPages } from '../read-log';

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
export const logHashLine = (position: number, streamId: string, revision: number, hash: string) =>
  `${position} ${streamId} ${revision} ${hash}\n`;

export interface LogHashEntry {
  position: number;
  streamId: string;
  revision: number;
  hash: string;
}

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
 * Streams log-hashes.txt for `digest` through `write` (which may wait for the ZIP to drain), one
 * page of the log at a time. Refuses to write a file that would not verify: a ledger that does not
 * reach the digest's position, or whose hashes no longer give the signed logHash, was changed after
 * the digest was signed, and that must stop the build rather than ship a pack that fails.
 */
export async function writeLogHashes(
  store: EventStore,
  digest: SignedDigest,
  write: (text: string) => Promise<void>,
): Promise<{ lines: number }> {
  const hasher = new LogHasher();
  let last = -1;
  for await (const page of logPages(store)) {
    let chunk = '';
    for (const e of page) {
      if (e.position > digest.position) break;
      chunk += logHashLine(e.position, e.streamId, e.revision, e.integrity.hash);
      hasher.add(e.integrity.hash);
      last = e.position;
    }
    if (chunk) await write(chunk);
    if (page[page.length - 1].position >= digest.position) break;
  }
  if (last !== digest.position)
    throw new Error(
      `The ledger ends at position ${last}, before digest ${digest.digestId}'s position ${digest.position}`,
    );
  if (hasher.current() !== digest.logHash || hasher.eventCount !== digest.eventCount) {
    throw new Error(
      `The ledger up to position ${digest.position} does not give digest ${digest.digestId}'s logHash and event count: it changed after the digest was signed`,
    );
  }
  return { lines: hasher.eventCount };
}
