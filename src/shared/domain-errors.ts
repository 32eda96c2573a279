/** Base of every typed error the domain and the ledger raise; mapped to HTTP in one filter. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /**
   * 403 not your agency, 404 not found, 409 conflicts with current state, 412 stale revision, 413 too
   * large to store, 422 a rule refused it, 503 the ledger's integrity machinery cannot answer
   * truthfully (e.g. the log tree does not match the log): never a 500, and nothing was written.
   */
  abstract readonly status: 403 | 404 | 409 | 412 | 413 | 422 | 503;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A DomainError whose raiser names its code; the code is stable: clients switch on it. */
abstract class NamedCodeError extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

/** A business rule refused the command (HTTP 422). */
export class RuleViolation extends NamedCodeError {
  readonly status = 422 as const;
}

/** The command conflicts with the current state, e.g. it already exists (HTTP 409). */
export class StateConflict extends NamedCodeError {
  readonly status = 409 as const;
}

/** The addressed record does not exist (HTTP 404). */
export class NotFound extends DomainError {
  readonly status = 404 as const;
  readonly code: string;
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`, { id });
    this.code = `${what.toLowerCase().replace(/\s+/g, '-')}-not-found`;
  }
}
