import { DomainError } from '../ledger/errors';

export { DomainError };

/** A business rule refused the command (HTTP 422). `code` is stable: clients switch on it. */
export class RuleViolation extends DomainError {
  readonly status = 422 as const;
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

/** The command conflicts with the current state, e.g. it already exists (HTTP 409). */
export class StateConflict extends DomainError {
  readonly status = 409 as const;
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
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
