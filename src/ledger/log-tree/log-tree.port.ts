/*
 * The log-level commitment as the rest of the service sees it: the RFC 9162 Merkle tree over every
 * event of the global log in position order (src/ledger/integrity/merkle), kept by one follower for
 * every engine (src/ledger/log-tree). Digests sign head(); packs and the HTTP endpoints serve proofs.
 * Leaf indexes are 0-based ordinals in log order, never positions (positions are opaque).
 */
export interface LogTreeHead {
  size: number;
  rootHash: string;
  lastPosition: number | null;
}
export interface LogTree {
  /** Resolves once the tree covers the log up to at least `position` (default: the log's head when called). */
  head(upTo?: number): Promise<LogTreeHead>;
  /** The 0-based leaf index of the event at `position`; throws a typed not-found for a position that names no event. */
  leafIndexOf(position: number): Promise<number>;
  inclusionProof(leafIndex: number, treeSize: number): Promise<string[]>; // hex hashes
  consistencyProof(fromSize: number, toSize: number): Promise<string[]>; // hex hashes
  rootAt(size: number): Promise<string>; // hex
}
export const LOG_TREE = Symbol('LOG_TREE');
