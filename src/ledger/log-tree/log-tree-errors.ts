import { DomainError, NotFound } from '../../shared/domain-errors';

/**
 * The tree file does not match the log: an event at a leaf the tree already holds hashes
 * differently, or is gone. The tree is never extended past such a point (that would commit a
 * signed digest to a rewritten log); the follower stops, /health reports it, and every tree read
 * throws this until an operator has looked (verify-store names what changed). A tree file that
 * simply belongs to another log (the engine switched under the same data directory) reads the same
 * way; once verify-store has cleared the log, deleting log-tree.sqlite rebuilds the tree from it.
 * Over HTTP: 503 `log-tree-mismatch` (nothing written; a digest is never signed over it).
 */
export class LogTreeMismatchError extends DomainError {
  readonly code = 'log-tree-mismatch';
  readonly status = 503 as const;
  constructor(
    message: string,
    readonly mismatch: { leafIndex: number; position: number | null; expected: string; found: string | null },
  ) {
    super(message, mismatch);
  }
}

/** A position that names no event the tree holds (HTTP 404 `log-position-not-found`). */
export class LogPositionNotFound extends NotFound {
  constructor(position: number) {
    super('Log position', String(position));
  }
}

/**
 * The tree did not reach the position asked for in time (the store down, or the follower retrying),
 * or has not yet been checked against the log since start (`wanted` null). HTTP 503 `log-tree-behind`.
 */
export class LogTreeBehindError extends DomainError {
  readonly code = 'log-tree-behind';
  readonly status = 503 as const;
  constructor(
    readonly wanted: number | null,
    readonly covered: number | null,
    waitedMs: number,
  ) {
    super(
      wanted === null
        ? `The log tree has not been checked against the log yet, after waiting ${waitedMs} ms`
        : `The log tree covers position ${covered ?? 'none'}, not yet ${wanted}, after waiting ${waitedMs} ms`,
      { wanted, covered },
    );
  }
}
