import { NotFound } from '../../shared/domain-errors';

/**
 * The tree file does not match the log: an event at a leaf the tree already holds hashes
 * differently, or is gone. The tree is never extended past such a point (that would commit a
 * signed digest to a rewritten log); the follower stops, /health reports it, and every tree read
 * throws this until an operator has looked (verify-store names what changed).
 */
export class LogTreeMismatchError extends Error {
  readonly code = 'log-tree-mismatch';
  constructor(message: string, readonly details: { leafIndex: number; position: number | null; expected: string; found: string | null }) {
    super(message);
    this.name = 'LogTreeMismatchError';
  }
}

/** A position that names no event the tree holds (HTTP 404 `log-position-not-found`). */
export class LogPositionNotFound extends NotFound {
  constructor(position: number) {
    super('Log position', String(position));
  }
}

/** The tree did not reach the position asked for in time (the store down, or the follower retrying). */
export class LogTreeBehindError extends Error {
  readonly code = 'log-tree-behind';
  constructor(readonly wanted: number, readonly covered: number | null, waitedMs: number) {
    super(`The log tree covers position ${covered ?? 'none'}, not yet ${wanted}, after waiting ${waitedMs} ms`);
    this.name = 'LogTreeBehindError';
  }
}
