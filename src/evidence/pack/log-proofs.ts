import type { LogTree } from '../../ledger/log-tree/log-tree.port';
import type { SignedDigest } from '../../ledger/digests/signed-digest';

/**
 * log-proofs.ndjson (issue 12, replacing log-hashes.txt in new packs): ties the pack's events to the
 * signed digest's Merkle tree (treeSize, treeRoot) with RFC 9162 inclusion proofs, disclosing
 * nothing about any record outside the pack. One JSON object per line:
 *
 *   {"kind":"event","position":p,"leafIndex":i,"proof":[hex,...]}
 *       one per line of events.ndjson, in the same order: the event's leaf
 *       (eventLeafHash(streamId, revision, integrity.hash), recomputed by the verifier from the
 *       event itself) is leaf i of the digest's tree.
 *   {"kind":"head","streamId":s,"revision":r,"hash":h,"leafIndex":i,"proof":[hex,...]}
 *       one per stream in the pack, after the events: the stream's last event at the digest.
 *
 * Why heads: an inclusion proof shows an event IS in the log, never that nothing follows it. A pack
 * with a tree digest therefore holds every included stream whole from revision 0 up to its last
 * event at the digest (events after the period are there for this, and left out of the CSVs), and
 * names that last event with its own proof. A pack whose stream ends before its head (its last
 * event dropped, the line and its proof with it) fails, and the head line, proven on its own,
 * names the missing revision. What proofs cannot show: a forger who drops a stream's tail AND
 * rewrites its head line to the new last event (whose proof they hold) is not caught by the tree,
 * which commits to log order, not to stream heads; that needs a commitment to stream heads signed
 * with the digest (see the report of issue 12).
 */
export const LOG_PROOFS_FILE = 'log-proofs.ndjson';

export interface EventProofLine { kind: 'event'; position: number; leafIndex: number; proof: string[] }
export interface HeadProofLine { kind: 'head'; streamId: string; revision: number; hash: string; leafIndex: number; proof: string[] }
export type ProofLine = EventProofLine | HeadProofLine;

/** What the builder needs of the log tree (the LOG_TREE port). */
export type PackLogTree = Pick<LogTree, 'head' | 'leafIndexOf' | 'inclusionProof' | 'rootAt'>;

/** A digest that commits to the log tree (signed since issue 12). */
export type TreeDigest = SignedDigest & { treeSize: number; treeRoot: string };
export const hasTree = (d: SignedDigest | undefined): d is TreeDigest =>
  d !== undefined && Number.isSafeInteger(d.treeSize) && d.treeSize! >= 0 && typeof d.treeRoot === 'string' && /^[0-9a-f]{64}$/.test(d.treeRoot);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const HEX = /^[0-9a-f]{64}$/;
const isProof = (v: unknown): v is string[] => Array.isArray(v) && v.every((h) => typeof h === 'string' && HEX.test(h));

/** A line parsed, or why it is not one. */
export function parseProofLine(text: string): ProofLine | string {
  let v: unknown;
  try { v = JSON.parse(text); } catch { return 'not valid JSON'; }
  if (!isObject(v)) return 'not a JSON object';
  if (!isIndex(v.leafIndex)) return 'leafIndex is not a non-negative integer';
  if (!isProof(v.proof)) return 'proof is not a list of 64-character lower-case hex hashes';
  if (v.kind === 'event') return isIndex(v.position) ? (v as unknown as EventProofLine) : 'position is not a non-negative integer';
  if (v.kind !== 'head') return 'kind is neither "event" nor "head"';
  if (typeof v.streamId !== 'string' || v.streamId === '') return 'streamId is not a string';
  if (!isIndex(v.revision)) return 'revision is not a non-negative integer';
  if (typeof v.hash !== 'string' || !HEX.test(v.hash)) return 'hash is not 64 lower-case hex characters';
  return v as unknown as HeadProofLine;
}

/**
 * Refuses to prove against a digest the tree does not give: the tree must reach the digest and its
 * root at treeSize must be the signed one, or the ledger changed after the digest was signed, and
 * that must stop the build rather than ship a pack that fails.
 */
export async function checkTreeAtDigest(tree: PackLogTree, digest: TreeDigest): Promise<void> {
  const head = await tree.head(digest.position);
  if (head.size < digest.treeSize) throw new Error(`The log tree holds ${head.size} events, fewer than digest ${digest.digestId}'s tree size ${digest.treeSize}`);
  const root = await tree.rootAt(digest.treeSize);
  if (root !== digest.treeRoot) throw new Error(`The log tree's root at size ${digest.treeSize} is not digest ${digest.digestId}'s treeRoot: the ledger changed after the digest was signed`);
}

export interface ProvenEvent { position: number; streamId: string; revision: number; hash: string }

/** The lines for one event, and (when it is its stream's head) nothing more: heads are written at the end. */
export async function eventProofLine(tree: PackLogTree, digest: TreeDigest, position: number): Promise<EventProofLine> {
  const leafIndex = await tree.leafIndexOf(position);
  if (leafIndex >= digest.treeSize) throw new Error(`The event at position ${position} is leaf ${leafIndex}, outside digest ${digest.digestId}'s tree of ${digest.treeSize}`);
  return { kind: 'event', position, leafIndex, proof: await tree.inclusionProof(leafIndex, digest.treeSize) };
}

export async function headProofLine(tree: PackLogTree, digest: TreeDigest, head: ProvenEvent): Promise<HeadProofLine> {
  const { leafIndex, proof } = await eventProofLine(tree, digest, head.position);
  return { kind: 'head', streamId: head.streamId, revision: head.revision, hash: head.hash, leafIndex, proof };
}

export const proofLineText = (line: ProofLine) => `${JSON.stringify(line)}\n`;
