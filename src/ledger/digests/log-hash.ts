import { createHash } from 'node:crypto';

/**
 * The log hash of a digest, defined so anyone holding the events can recompute it offline:
 *
 *   logHash = SHA-256( hash_1 + "\n" + hash_2 + "\n" + ... + hash_n + "\n" )   (hex, lower case)
 *
 * where hash_i is the `integrity.hash` (64 lower-case hex characters) of every event in the
 * whole log, in global position order, up to and including the digest's `position`. It is one
 * flat SHA-256 (not a chain of digests), so it does not depend on when earlier digests were taken.
 */
export function computeLogHash(hashes: Iterable<string>): string {
  const h = new LogHasher();
  for (const hash of hashes) h.add(hash);
  return h.current();
}

const EVENT_HASH = /^[0-9a-f]{64}$/;

/**
 * The same hash kept running: add each new event's hash once, read the value at any time.
 * Reading copies the SHA-256 state (Hash.copy()), so a new digest costs only the events since
 * the last one rather than a re-read of the whole log.
 */
export class LogHasher {
  private readonly sha = createHash('sha256');
  private count = 0;

  add(eventHash: string): void {
    // A malformed hash would give a value no verifier can reproduce: refuse it rather than sign it.
    if (!EVENT_HASH.test(eventHash)) throw new TypeError(`Not an event hash: ${JSON.stringify(eventHash)}`);
    this.sha.update(`${eventHash}\n`);
    this.count++;
  }

  get eventCount(): number {
    return this.count;
  }

  current(): string {
    return this.sha.copy().digest('hex');
  }
}
