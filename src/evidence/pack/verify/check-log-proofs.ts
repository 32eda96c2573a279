import { eventLeafHash, fromHex, toHex, verifyInclusion } from '../../../ledger/integrity/merkle';
import type { PackEventIndex } from './check-log-hashes';
import {
  hasHeads,
  LOG_PROOFS_FILE,
  parseProofLine,
  PackLeaves,
  type HeadProofLine,
  type HeadsDigest,
  type TreeDigest,
} from '../formats/log-proofs';
import { pathRanges, rangeKey, rootFrom } from '../formats/multiproof';
import { EVENTS_FILE } from '../formats/pack-files';
import type { PackProblem } from './pack-problem';

const leafOf = (streamId: string, revision: number, hash: string): string | undefined => {
  try {
    return toHex(eventLeafHash({ streamId, revision, integrity: { hash } }));
  } catch {
    return undefined;
  } // not a well-formed leaf: in no tree
};

/**
 * Checks log-proofs.ndjson (see ../formats/log-proofs.ts) line by line against the pack's events (indexed in
 * events.ndjson order) and the signed digest's tree, taking treeSize and treeRoot together from it:
 * - each event has exactly one event line, in order, leaf indexes strictly increasing (log order),
 *   whose leaf is the one recomputed from the event: else the event is named;
 * - the event lines' leaves, the head lines' leaves and the node lines give the signed treeRoot:
 *   else the file was changed and no leaf in it is proven;
 * - each stream in the pack has one head line, and the pack holds the stream up to it: a stream whose
 *   last event was dropped (with its line) is named with the revision the head proves;
 * - with a digest that signs the stream heads, each head line proves its head is the stream's leaf in
 *   that tree (streamHeadsSize and streamHeadsRoot taken together): a head line rewritten to an
 *   earlier event (the stream's tail dropped, the log tree's hole filled with a node) names the stream;
 * - no line names a position or stream the pack does not hold.
 */
export class LogProofsChecker {
  readonly problems: PackProblem[] = [];
  private readonly leaves = new PackLeaves();
  private readonly nodes = new Map<string, Buffer>();
  private readonly headsNodes = new Map<string, Buffer>();
  private readonly heads = new Map<string, HeadProofLine>();
  private readonly lastOf = new Map<string, number>();
  private next = 0;
  private line = 0;

  constructor(
    private readonly pack: PackEventIndex,
    private readonly digest: TreeDigest,
  ) {
    pack.streams.forEach((streamId, i) => this.lastOf.set(streamId, i));
  }

  checkLine(text: string): void {
    this.line++;
    if (text === '') return this.fail('empty line');
    const entry = parseProofLine(text);
    if (typeof entry === 'string') return this.fail(entry);
    if (entry.kind === 'heads-node') {
      const size = this.digest.streamHeadsSize;
      if (size === undefined || entry.end > size || this.headsNodes.has(rangeKey(entry.start, entry.end)))
        return this.fail(
          `heads-node [${entry.start}, ${entry.end}) is outside the signed stream-heads tree or given twice`,
        );
      return void this.headsNodes.set(rangeKey(entry.start, entry.end), fromHex(entry.hash));
    }
    if (entry.kind !== 'node' && entry.leafIndex >= this.digest.treeSize)
      return this.fail(`leaf ${entry.leafIndex} is outside the signed tree of ${this.digest.treeSize}`);
    if (entry.kind === 'head') return this.checkHead(entry);
    if (entry.kind === 'node') {
      if (entry.end > this.digest.treeSize || this.nodes.has(rangeKey(entry.start, entry.end)))
        return this.fail(`node [${entry.start}, ${entry.end}) is outside the signed tree or given twice`);
      return void this.nodes.set(rangeKey(entry.start, entry.end), fromHex(entry.hash));
    }
    const p = this.pack;
    const i = this.next;
    if (i >= p.positions.length || p.positions[i] !== entry.position)
      return this.fail(
        `a proof for position ${entry.position}, which is not the next event of events.ndjson (an event was dropped or moved?)`,
      );
    this.next++;
    const at = { file: EVENTS_FILE, eventId: p.ids[i], streamId: p.streams[i], revision: p.revisions[i] };
    const previous = this.leaves.indexes.at(-1) ?? -1;
    if (entry.leafIndex <= previous)
      return void this.problems.push({
        ...at,
        message: `leaf index ${entry.leafIndex} does not follow ${previous} (${LOG_PROOFS_FILE} line ${this.line}): leaves are in log order`,
      });
    this.leaves.add(entry.position, entry.leafIndex, fromHex(entry.leafHash));
    if (leafOf(p.streams[i], p.revisions[i], p.hashes[i]) !== entry.leafHash) {
      this.problems.push({
        ...at,
        message: `is not in the log the signed digest ${this.digest.digestId} commits to: its leaf is not leaf ${entry.leafIndex} of the signed tree (${LOG_PROOFS_FILE} line ${this.line})`,
      });
    }
  }

  /** Once every line has been read: the proof against the signed root, events without a line, and stream heads. */
  finish(): PackProblem[] {
    const p = this.pack;
    for (let i = this.next; i < p.positions.length; i++) {
      this.problems.push({
        file: EVENTS_FILE,
        eventId: p.ids[i],
        streamId: p.streams[i],
        revision: p.revisions[i],
        message: `has no line in ${LOG_PROOFS_FILE}: nothing ties it to the signed log`,
      });
    }
    this.checkRoot();
    for (const [streamId, last] of this.lastOf) {
      const head = this.heads.get(streamId);
      const at = { file: EVENTS_FILE, eventId: p.ids[last], streamId, revision: p.revisions[last] };
      if (!head)
        this.problems.push({
          ...at,
          message: `stream ${streamId} has no head line in ${LOG_PROOFS_FILE}: the pack cannot show it holds the stream up to its last event at the digest`,
        });
      else if (head.revision > p.revisions[last]) {
        this.problems.push({
          file: EVENTS_FILE,
          streamId,
          revision: head.revision,
          message: `stream ${streamId} is cut short: revision ${head.revision} (hash ${head.hash}, leaf ${head.leafIndex}) is its last event at the signed digest ${this.digest.digestId}, but the pack ends at revision ${p.revisions[last]}`,
        });
      } else if (head.revision < p.revisions[last] || head.hash !== p.hashes[last]) {
        this.problems.push({
          ...at,
          message: `stream ${streamId}'s head line (revision ${head.revision}) is not its last event in the pack (revision ${p.revisions[last]})`,
        });
      }
      if (head && hasHeads(this.digest)) this.checkHeadProof(head, this.digest);
    }
    return this.problems;
  }

  /**
   * The head line's leaf is the stream's leaf in the signed stream-heads tree, at the index it gives,
   * on its own path of heads-node lines (never recomputed from other heads, so only a wrong head fails).
   */
  private checkHeadProof(head: HeadProofLine, digest: HeadsDigest): void {
    const where = { file: EVENTS_FILE, streamId: head.streamId, revision: head.revision };
    if (head.headsIndex === undefined) {
      return void this.problems.push({
        ...where,
        message: `stream ${head.streamId}'s head line gives no index in the stream-heads tree the signed digest ${digest.digestId} commits to: the pack cannot show revision ${head.revision} is the stream's last event there`,
      });
    }
    const path =
      head.headsIndex < digest.streamHeadsSize
        ? pathRanges(head.headsIndex, digest.streamHeadsSize).map((r) => this.headsNodes.get(rangeKey(r.start, r.end)))
        : [];
    const proof = path.every((h) => h !== undefined) ? path : undefined;
    const proven =
      proof !== undefined &&
      verifyInclusion({
        leafHash: fromHex(leafOf(head.streamId, head.revision, head.hash)!),
        index: head.headsIndex,
        size: digest.streamHeadsSize,
        proof,
        root: fromHex(digest.streamHeadsRoot),
      });
    if (!proven) {
      const why =
        proof === undefined
          ? 'a node of its path in the stream-heads tree has no heads-node line'
          : 'its path in the stream-heads tree does not give the signed root';
      this.problems.push({
        ...where,
        message: `stream ${head.streamId} is cut short or its head was rewritten: revision ${head.revision} (hash ${head.hash}) is not shown to be its last event at the signed digest ${digest.digestId} (${why}: ${digest.streamHeadsSize} streams, root ${digest.streamHeadsRoot})`,
      });
    }
  }

  private checkHead(head: HeadProofLine): void {
    if (!this.lastOf.has(head.streamId))
      return this.fail(`a head for stream ${head.streamId}, which the pack does not hold`);
    if (this.heads.has(head.streamId)) return this.fail(`a second head for stream ${head.streamId}`);
    if (leafOf(head.streamId, head.revision, head.hash) === undefined)
      return this.fail(`the head of stream ${head.streamId} is not a well-formed leaf`);
    this.heads.set(head.streamId, head);
  }

  /**
   * Every leaf claimed (events' and heads', one per index; a head's where the two disagree) with the
   * node lines must give the signed treeRoot. When they do, an event line that disagrees with its
   * stream's head is proven wrong, and its event is named.
   */
  private checkRoot(): void {
    const claimed = new Map<number, string>();
    const eventAt = new Map<number, number>();
    this.leaves.indexes.forEach((index, i) => {
      claimed.set(index, toHex(this.leaves.hashAt(i)));
      eventAt.set(index, i);
    });
    const conflicts: HeadProofLine[] = [];
    for (const h of this.heads.values()) {
      const leaf = leafOf(h.streamId, h.revision, h.hash)!;
      if ((claimed.get(h.leafIndex) ?? leaf) !== leaf) conflicts.push(h);
      claimed.set(h.leafIndex, leaf);
    }
    const indexes = [...claimed.keys()].sort((a, b) => a - b);
    const used = new Set<string>();
    const result = rootFrom(
      this.digest.treeSize,
      indexes,
      (i) => fromHex(claimed.get(indexes[i])!),
      (a, b) => {
        used.add(rangeKey(a, b));
        return this.nodes.get(rangeKey(a, b));
      },
    );
    const signed = `the signed digest ${this.digest.digestId}'s treeRoot ${this.digest.treeRoot} (tree size ${this.digest.treeSize})`;
    const proven = 'root' in result && toHex(result.root) === this.digest.treeRoot;
    if (!('root' in result))
      this.problems.push({
        file: LOG_PROOFS_FILE,
        message: `no node line for leaves [${result.missing.start}, ${result.missing.end}): the leaves cannot be proven against ${signed}`,
      });
    else if (!proven)
      this.problems.push({
        file: LOG_PROOFS_FILE,
        message: `its leaves and nodes give root ${toHex(result.root)}, not ${signed}: the file was changed, and none of its leaves is proven`,
      });
    for (const h of conflicts) {
      const i = eventAt.get(h.leafIndex)!;
      const p = this.pack;
      const at = { eventId: p.ids[i], streamId: p.streams[i], revision: p.revisions[i] };
      if (proven)
        this.problems.push({
          file: EVENTS_FILE,
          ...at,
          message: `is not in the log the signed digest ${this.digest.digestId} commits to: leaf ${h.leafIndex} of the signed tree is ${h.streamId} revision ${h.revision} with hash ${h.hash} (its head line), not this event`,
        });
      else
        this.problems.push({
          file: LOG_PROOFS_FILE,
          ...at,
          message: `the head of stream ${h.streamId} and the event line disagree on leaf ${h.leafIndex}`,
        });
    }
    const unused = [...this.nodes.keys()].filter((k) => !used.has(k));
    if (unused.length > 0)
      this.problems.push({
        file: LOG_PROOFS_FILE,
        message: `${unused.length} node line(s) the proof does not use (first: leaves ${unused[0].replace('-', '..')})`,
      });
  }

  private fail(message: string): void {
    this.problems.push({ file: LOG_PROOFS_FILE, line: this.line, message });
  }
}
