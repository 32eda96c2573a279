import type { LogTree } from '../../../ledger/log-tree/log-tree.port';
import type { SignedDigest } from '../../../ledger/digests/signed-digest';
import { fromHex, type StreamHead, StreamHeadsTree, toHex } from '../../../ledger/integrity/merkle';
import { gapsOf, pathRanges, rangeKey, rootFrom } from './multiproof';

/**
 * log-proofs.ndjson (issue 12, replacing log-hashes.txt in new packs): proves the pack's events are
 * leaves of the signed digest's RFC 9162 tree (treeSize and treeRoot, taken together from it),
 * disclosing nothing about any record outside the pack. One JSON object per line:
 *
 *   {"kind":"event","position":p,"leafIndex":i,"leafHash":hex}
 *       one per line of events.ndjson, in the same order: the event's leaf is leaf i of the tree.
 *       The verifier recomputes the leaf from the event (eventLeafHash(streamId, revision,
 *       integrity.hash)) and names the event whose leaf is not the one the proof holds.
 *   {"kind":"node","start":a,"end":b,"hash":hex}
 *       the root of the subtree over leaves [a, b), for each subtree holding none of the pack's
 *       leaves (multiproof.ts): with the leaves they give the signed root, proving every leaf at
 *       once; a pack holding most of the log needs almost none, a small pack ~log2(n) per gap.
 *   {"kind":"head","streamId":s,"revision":r,"hash":h,"leafIndex":i[,"headsIndex":k]}
 *       one per stream in the pack: the stream's last event at the digest, a leaf of the same proof;
 *       with a digest that commits to the stream heads (streamHeadsSize, streamHeadsRoot), also its
 *       index k in the stream-heads tree (streams in ascending id order, stream-heads.ts).
 *   {"kind":"heads-node","start":a,"end":b,"hash":hex}
 *       with such a digest: the stream-heads tree's node over streams [a, b), once each, for every
 *       node on the inclusion path of any head line. Each head is verified on its own path (PATH(k)
 *       taken from these lines, never recomputed from the other heads), so a wrong head is named
 *       and the others still verify; the union of paths is ~1 node per stream when the pack holds
 *       most streams (per-head proofs repeated the upper nodes: 46 MB instead of 17 at 100k events).
 *       Bare hashes: no other stream's id is disclosed.
 *
 * Why heads: a tree proves an event IS in the log, never that nothing follows it. A pack with a
 * tree digest therefore holds every included stream whole from revision 0 up to its last event at
 * the digest (events after the period are there for this, and left out of the CSVs), and names that
 * event. A pack whose stream ends before its head (its last event dropped, line and proof with it)
 * fails, and the head line, still a leaf of the proof, names the missing revision; one that also
 * rewrites the head line to the new last event leaves a hole in the multiproof (no node covers the
 * dropped leaf), and the root is not proven. A forger who does all that AND adds the node for the
 * hole (the dropped event's leaf hash, which they hold) satisfies the log tree, which commits to log
 * order, not to stream heads: the stream-heads proof is what catches them, since the rewritten head
 * is not the stream's leaf in the signed heads tree. Packs proven against a tree-only digest (signed
 * before the heads) carry no heads proofs and keep that one gap.
 */
export const LOG_PROOFS_FILE = 'log-proofs.ndjson';

export interface EventProofLine {
  kind: 'event';
  position: number;
  leafIndex: number;
  leafHash: string;
}
export interface NodeProofLine {
  kind: 'node';
  start: number;
  end: number;
  hash: string;
}
export interface HeadProofLine {
  kind: 'head';
  streamId: string;
  revision: number;
  hash: string;
  leafIndex: number;
  headsIndex?: number;
}
export interface HeadsNodeLine {
  kind: 'heads-node';
  start: number;
  end: number;
  hash: string;
}
export type ProofLine = EventProofLine | NodeProofLine | HeadProofLine | HeadsNodeLine;

/** What the builder needs of the log tree (the LOG_TREE port). */
export type PackLogTree = Pick<LogTree, 'head' | 'inclusionProof' | 'rootAt'>;

/** A digest that commits to the log tree (signed since issue 12). */
export type TreeDigest = SignedDigest & { treeSize: number; treeRoot: string };

const HEX = /^[0-9a-f]{64}$/;
const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isHex = (v: unknown): v is string => typeof v === 'string' && HEX.test(v);

export const hasTree = (d: SignedDigest | undefined): d is TreeDigest =>
  d !== undefined && isIndex(d.treeSize) && isHex(d.treeRoot);

/** A tree digest that also commits to every stream's head (stream-heads.ts). */
export type HeadsDigest = TreeDigest & { streamHeadsSize: number; streamHeadsRoot: string };
export const hasHeads = (d: SignedDigest | undefined): d is HeadsDigest =>
  hasTree(d) && isIndex(d.streamHeadsSize) && isHex(d.streamHeadsRoot);

/** A line parsed, or why it is not one. */
export function parseProofLine(text: string): ProofLine | string {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return 'not valid JSON';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  if (v.kind === 'node' || v.kind === 'heads-node') {
    if (!isIndex(v.start) || !isIndex(v.end) || v.end <= v.start) return 'start and end are not a range of leaves';
    return isHex(v.hash) ? (v as unknown as NodeProofLine | HeadsNodeLine) : 'hash is not 64 lower-case hex characters';
  }
  if (!isIndex(v.leafIndex)) return 'leafIndex is not a non-negative integer';
  if (v.kind === 'event') {
    if (!isIndex(v.position)) return 'position is not a non-negative integer';
    return isHex(v.leafHash) ? (v as unknown as EventProofLine) : 'leafHash is not 64 lower-case hex characters';
  }
  if (v.kind !== 'head') return 'kind is not "event", "node", "head" or "heads-node"';
  if (typeof v.streamId !== 'string' || v.streamId === '') return 'streamId is not a string';
  if (!isIndex(v.revision)) return 'revision is not a non-negative integer';
  if (!isHex(v.hash)) return 'hash is not 64 lower-case hex characters';
  if (v.headsIndex !== undefined && !isIndex(v.headsIndex)) return 'headsIndex is not a non-negative integer';
  return v as unknown as HeadProofLine;
}

export const proofLineText = (line: ProofLine) => `${JSON.stringify(line)}\n`;

/** The pack's leaves as pass 2 met them: leaf index = the event's ordinal in the log, counted while reading it from the start. */
export class PackLeaves {
  readonly positions: number[] = [];
  readonly indexes: number[] = [];
  private hashes = Buffer.alloc(32 * 1024);

  add(position: number, index: number, leafHash: Buffer): void {
    const at = this.indexes.length * 32;
    if (at + 32 > this.hashes.length) this.hashes = Buffer.concat([this.hashes, Buffer.alloc(this.hashes.length)]);
    leafHash.copy(this.hashes, at);
    this.positions.push(position);
    this.indexes.push(index);
  }

  hashAt(i: number): Buffer {
    return this.hashes.subarray(i * 32, i * 32 + 32);
  }
}

/**
 * The gap nodes for `leaves` against the digest, from the tree's inclusion proofs (one proof per
 * witness leaf, most gaps sharing one). Refuses to prove what would not verify: the tree must reach
 * the digest with the signed root, and the pack's leaves with these gaps must give that root, or the
 * ledger (or the builder's reading of it) is not the log the digest signed, and the build stops.
 */
export async function gapNodes(tree: PackLogTree, digest: TreeDigest, leaves: PackLeaves): Promise<NodeProofLine[]> {
  const last = leaves.indexes.at(-1) ?? -1;
  if (last >= digest.treeSize)
    throw new Error(
      `Digest ${digest.digestId} (tree size ${digest.treeSize}) does not cover the pack's event at leaf ${last}`,
    );
  const head = await tree.head(digest.position);
  if (head.size < digest.treeSize)
    throw new Error(
      `The log tree holds ${head.size} events, fewer than digest ${digest.digestId}'s tree size ${digest.treeSize}`,
    );
  if ((await tree.rootAt(digest.treeSize)) !== digest.treeRoot)
    throw new Error(
      `The log tree's root at size ${digest.treeSize} is not digest ${digest.digestId}'s treeRoot: the ledger changed after the digest was signed`,
    );
  const known = new Map<string, string>();
  const nodes: NodeProofLine[] = [];
  for (const gap of gapsOf(digest.treeSize, leaves.indexes)) {
    const key = rangeKey(gap.start, gap.end);
    if (!known.has(key)) {
      const proof = await tree.inclusionProof(gap.witness, digest.treeSize);
      pathRanges(gap.witness, digest.treeSize).forEach((r, i) => known.set(rangeKey(r.start, r.end), proof[i]));
    }
    nodes.push({ kind: 'node', start: gap.start, end: gap.end, hash: known.get(key)! });
  }
  const byRange = new Map(nodes.map((n) => [rangeKey(n.start, n.end), fromHex(n.hash)]));
  const result = rootFrom(
    digest.treeSize,
    leaves.indexes,
    (i) => leaves.hashAt(i),
    (a, b) => byRange.get(rangeKey(a, b)),
  );
  if (!('root' in result) || toHex(result.root) !== digest.treeRoot) {
    throw new Error(
      `The pack's events do not give digest ${digest.digestId}'s treeRoot with the log tree's nodes: the ledger as read is not the log the digest signed`,
    );
  }
  return nodes;
}

/**
 * Each head line's index in the digest's stream-heads tree and the tree's nodes on their paths
 * (once each), from every stream's last event at the digest as the builder read the log. Refuses
 * what would not verify: the heads read must give the signed size and root, or the ledger as read
 * is not the log the digest signed, and the build stops.
 */
export function withHeadsProofs(
  digest: HeadsDigest,
  allHeads: Map<string, StreamHead>,
  heads: Iterable<HeadProofLine>,
): { heads: HeadProofLine[]; nodes: HeadsNodeLine[] } {
  const tree = StreamHeadsTree.of(allHeads);
  if (tree.size !== digest.streamHeadsSize || toHex(tree.root()) !== digest.streamHeadsRoot) {
    throw new Error(
      `The log's ${tree.size} stream heads at position ${digest.position} do not give digest ${digest.digestId}'s streamHeadsRoot (${digest.streamHeadsSize} streams): the ledger as read is not the log the digest signed`,
    );
  }
  const lines = [...heads].map((h) => {
    const headsIndex = tree.indexOf(h.streamId);
    if (headsIndex === undefined)
      throw new Error(`Stream ${h.streamId} has no head in the log at digest ${digest.digestId}`);
    return { ...h, headsIndex };
  });
  const nodes = tree
    .pathNodes(lines.map((h) => h.headsIndex))
    .map(({ start, end, hash }): HeadsNodeLine => ({ kind: 'heads-node', start, end, hash: toHex(hash) }));
  return { heads: lines, nodes };
}
