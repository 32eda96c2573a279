import { LogHasher } from '../../../ledger/digests/log-hash';
import type { StoredEvent } from '../../../ledger/event-envelope';
import { parseLogHashLine } from '../formats/log-hashes';
import { hasTree, LOG_PROOFS_FILE } from '../formats/log-proofs';
import { EVENTS_FILE, LOG_HASHES_FILE, MANIFEST_FILE } from '../formats/pack-files';
import type { PackProblem } from './pack-problem';
import type { SignedDigest } from '../../../ledger/digests/signed-digest';

/**
 * The pack's events in position order, kept compactly (id, stream, revision, position, hash) so that
 * log-hashes.txt can be checked against them as it streams, without holding either file whole.
 */
export class PackEventIndex {
  readonly ids: string[] = [];
  readonly streams: string[] = [];
  readonly revisions: number[] = [];
  readonly positions: number[] = [];
  readonly hashes: string[] = [];
  readonly streamIds = new Set<string>();

  add(e: StoredEvent): void {
    this.ids.push(e.id);
    this.streams.push(e.streamId);
    this.revisions.push(e.revision);
    this.positions.push(e.position);
    this.hashes.push(e.integrity.hash);
    this.streamIds.add(e.streamId);
  }
}

/**
 * Checks log-hashes.txt line by line against the signed digest and the pack's events (both in
 * position order, so one merge pass): the hash column must give the digest's logHash and event count
 * up to its position; every pack event must be the line at its position, with the same stream,
 * revision and hash; and every line of a stream in the pack at a position up to the pack's last
 * event must be in the pack (rule 9 of ../build/select-streams.ts), or the stream was cut short.
 */
export class LogHashesChecker {
  readonly problems: PackProblem[] = [];
  private readonly hasher = new LogHasher();
  private next = 0;
  private line = 0;
  private lastPosition = -1;

  constructor(
    private readonly pack: PackEventIndex,
    private readonly packTo: number | null,
  ) {}

  checkLine(text: string): void {
    this.line++;
    const entry = parseLogHashLine(text);
    if (typeof entry === 'string')
      return void this.problems.push({ file: LOG_HASHES_FILE, line: this.line, message: entry });
    if (entry.position <= this.lastPosition)
      this.problems.push({
        file: LOG_HASHES_FILE,
        line: this.line,
        message: `position ${entry.position} does not follow ${this.lastPosition}: positions must strictly increase`,
      });
    this.lastPosition = Math.max(this.lastPosition, entry.position);
    this.hasher.add(entry.hash);
    const p = this.pack;
    while (this.next < p.positions.length && p.positions[this.next] < entry.position) this.notInLog(this.next++);
    if (this.next < p.positions.length && p.positions[this.next] === entry.position) {
      const i = this.next++;
      const at = { file: EVENTS_FILE, eventId: p.ids[i], streamId: p.streams[i], revision: p.revisions[i] };
      if (p.streams[i] !== entry.streamId || p.revisions[i] !== entry.revision) {
        this.problems.push({
          ...at,
          message: `position ${entry.position} holds ${entry.streamId} revision ${entry.revision} in the signed log (log-hashes.txt line ${this.line}), not this event`,
        });
      } else if (p.hashes[i] !== entry.hash) {
        this.problems.push({
          ...at,
          message: `its hash ${p.hashes[i]} is not the one the signed digest covers at position ${entry.position} (${entry.hash}, log-hashes.txt line ${this.line}): the event was rewritten`,
        });
      }
    } else if (p.streamIds.has(entry.streamId) && this.packTo !== null && entry.position <= this.packTo) {
      this.problems.push({
        file: EVENTS_FILE,
        streamId: entry.streamId,
        revision: entry.revision,
        message: `stream ${entry.streamId} is cut short: revision ${entry.revision} (position ${entry.position}, log-hashes.txt line ${this.line}) was recorded before the pack's last event at ${this.packTo} but is missing`,
      });
    }
  }

  /** Once every line has been read: the file against the signed digest. */
  finish(digest: SignedDigest): PackProblem[] {
    while (this.next < this.pack.positions.length) this.notInLog(this.next++);
    const signed = `the signed digest ${digest.digestId}`;
    if (this.hasher.eventCount !== digest.eventCount)
      this.problems.push({
        file: LOG_HASHES_FILE,
        message: `${this.hasher.eventCount} lines, but ${signed} covers ${digest.eventCount} events`,
      });
    if (this.lastPosition !== digest.position)
      this.problems.push({
        file: LOG_HASHES_FILE,
        message: `ends at position ${this.lastPosition}, but ${signed} is at position ${digest.position}`,
      });
    const logHash = this.hasher.current();
    if (logHash !== digest.logHash)
      this.problems.push({
        file: LOG_HASHES_FILE,
        message: `its hashes give logHash ${logHash}, but ${signed} says ${digest.logHash}: the file was changed`,
      });
    return this.problems;
  }

  private notInLog(i: number): void {
    const p = this.pack;
    this.problems.push({
      file: EVENTS_FILE,
      eventId: p.ids[i],
      streamId: p.streams[i],
      revision: p.revisions[i],
      message: `position ${p.positions[i]} is not in log-hashes.txt: the signed log holds no such event`,
    });
  }
}

/**
 * A digest with neither log-hashes.txt nor log-proofs.ndjson proves nothing about completeness, and
 * either file with no digest (or log-proofs.ndjson with a digest that has no tree) has nothing to be
 * checked against. A digest signed with a tree may be proven either way (log-hashes.txt is what packs
 * built before issue 12 carry).
 */
export function logEvidencePresence(
  digest: SignedDigest | undefined,
  hasHashes: boolean,
  hasProofs: boolean,
): PackProblem[] {
  if (digest && !hasHashes && !hasProofs) {
    const file = hasTree(digest) ? LOG_PROOFS_FILE : LOG_HASHES_FILE;
    return [
      {
        file,
        message: `missing: a pack with a signed digest must carry ${hasTree(digest) ? 'the inclusion proofs of its events against it' : 'the log hashes the digest covers'}`,
      },
    ];
  }
  const problems: PackProblem[] = [];
  if (!digest && hasHashes)
    problems.push({
      file: MANIFEST_FILE,
      message: 'the pack carries log-hashes.txt but no signed digest to check it against',
    });
  if (hasProofs && !hasTree(digest))
    problems.push({
      file: MANIFEST_FILE,
      message: `the pack carries ${LOG_PROOFS_FILE} but no signed digest with a log tree (treeSize, treeRoot) to check it against`,
    });
  return problems;
}
