import { eventLeafHash, fromHex, verifyInclusion } from '../../ledger/integrity/merkle';
import type { PackEventIndex } from './check-log-hashes';
import { LOG_PROOFS_FILE, parseProofLine, type HeadProofLine, type TreeDigest } from './log-proofs';
import { EVENTS_FILE } from './pack-files';
import type { PackProblem } from './pack-problem';

/**
 * Checks log-proofs.ndjson line by line against the pack's events (indexed in events.ndjson order)
 * and the signed digest's tree, taking treeSize and treeRoot together from that one digest:
 * - each event has exactly one event line, in order, whose inclusion proof shows the event's own
 *   leaf (recomputed from its stream, revision and hash) is leaf `leafIndex` of the signed tree;
 *   leaf indexes strictly increase with positions (both are log order);
 * - each stream in the pack has exactly one head line, proven the same way, and the pack holds the
 *   stream up to that revision: a stream whose last event was dropped (with its line and proof)
 *   fails here, named by the head, which proves that revision is in the signed log;
 * - no line names a position or stream the pack does not hold.
 * Problems name the event (id, stream, revision) or the stream, and the line of this file.
 */
export class LogProofsChecker {
  readonly problems: PackProblem[] = [];
  private readonly root: Buffer;
  private readonly heads = new Map<string, HeadProofLine>();
  private readonly lastRevision = new Map<string, { revision: number; at: number }>();
  private next = 0;
  private line = 0;
  private lastLeaf = -1;

  constructor(private readonly pack: PackEventIndex, private readonly digest: TreeDigest) {
    this.root = fromHex(digest.treeRoot);
    pack.revisions.forEach((revision, i) => this.lastRevision.set(pack.streams[i], { revision, at: i }));
  }

  checkLine(text: string): void {
    this.line++;
    if (text === '') return this.fail('empty line');
    const entry = parseProofLine(text);
    if (typeof entry === 'string') return this.fail(entry);
    if (entry.kind === 'head') return this.checkHead(entry);
    const p = this.pack;
    const i = this.next;
    if (i >= p.positions.length || p.positions[i] !== entry.position) {
      const held = p.positions.indexOf(entry.position);
      return this.fail(held >= 0 ? `the proof for position ${entry.position} is out of order` : `a proof for position ${entry.position}, which holds no event of events.ndjson (an event was dropped?)`);
    }
    this.next++;
    const at = { file: EVENTS_FILE, eventId: p.ids[i], streamId: p.streams[i], revision: p.revisions[i] };
    if (entry.leafIndex <= this.lastLeaf) this.problems.push({ ...at, message: `leaf index ${entry.leafIndex} does not follow ${this.lastLeaf} (${LOG_PROOFS_FILE} line ${this.line}): leaves are in log order` });
    this.lastLeaf = Math.max(this.lastLeaf, entry.leafIndex);
    if (!this.proves(p.streams[i], p.revisions[i], p.hashes[i], entry.leafIndex, entry.proof)) {
      this.problems.push({ ...at, message: `is not in the log the signed digest ${this.digest.digestId} commits to: its inclusion proof (${LOG_PROOFS_FILE} line ${this.line}, leaf ${entry.leafIndex}) does not give treeRoot ${this.digest.treeRoot} at tree size ${this.digest.treeSize}` });
    }
  }

  /** Once every line has been read: events without a proof, and streams without (or short of) their head. */
  finish(): PackProblem[] {
    const p = this.pack;
    for (let i = this.next; i < p.positions.length; i++) {
      this.problems.push({ file: EVENTS_FILE, eventId: p.ids[i], streamId: p.streams[i], revision: p.revisions[i], message: `has no inclusion proof in ${LOG_PROOFS_FILE}: nothing ties it to the signed log` });
    }
    for (const [streamId, last] of this.lastRevision) {
      const head = this.heads.get(streamId);
      const at = { file: EVENTS_FILE, eventId: p.ids[last.at], streamId, revision: last.revision };
      if (!head) this.problems.push({ ...at, message: `stream ${streamId} has no head line in ${LOG_PROOFS_FILE}: the pack cannot show it holds the stream up to its last event at the digest` });
      else if (head.revision > last.revision) {
        this.problems.push({ file: EVENTS_FILE, streamId, revision: head.revision, message: `stream ${streamId} is cut short: revision ${head.revision} (hash ${head.hash}, leaf ${head.leafIndex}) is its last event at the signed digest ${this.digest.digestId}, but the pack ends at revision ${last.revision}` });
      } else if (head.revision < last.revision || head.hash !== p.hashes[last.at]) {
        this.problems.push({ ...at, message: `stream ${streamId}'s head line (revision ${head.revision}) is not its last event in the pack (revision ${last.revision})` });
      }
    }
    return this.problems;
  }

  private checkHead(head: HeadProofLine): void {
    if (!this.lastRevision.has(head.streamId)) return this.fail(`a head for stream ${head.streamId}, which the pack does not hold`);
    if (this.heads.has(head.streamId)) return this.fail(`a second head for stream ${head.streamId}`);
    if (!this.proves(head.streamId, head.revision, head.hash, head.leafIndex, head.proof)) {
      return this.fail(`the head of stream ${head.streamId} (revision ${head.revision}, leaf ${head.leafIndex}) is not in the log the signed digest ${this.digest.digestId} commits to`);
    }
    this.heads.set(head.streamId, head);
  }

  private proves(streamId: string, revision: number, hash: string, index: number, proof: string[]): boolean {
    let leafHash: Buffer;
    try { leafHash = eventLeafHash({ streamId, revision, integrity: { hash } }); } catch { return false; } // not a well-formed leaf: it cannot be in the tree
    return verifyInclusion({ leafHash, index, size: this.digest.treeSize, proof: proof.map(fromHex), root: this.root });
  }

  private fail(message: string): void {
    this.problems.push({ file: LOG_PROOFS_FILE, line: this.line, message });
  }
}
