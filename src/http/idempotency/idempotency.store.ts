/** A response kept so a retried request with the same Idempotency-Key gets the same answer. */
export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  etag?: string;
}

/**
 * Embedded stores answer at once (SQLite, memory); a shared one (PostgreSQL) answers later. Callers
 * await either.
 */
export interface IdempotencyStore {
  get(scope: string, key: string): StoredResponse | undefined | Promise<StoredResponse | undefined>;
  put(scope: string, key: string, response: StoredResponse): void | Promise<void>;
  /** For /health: throws (or rejects with) a StoreUnavailableError when a record could not be kept now. */
  probe(): void | Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, StoredResponse>();
  get(scope: string, key: string) {
    return this.entries.get(`${scope}\n${key}`);
  }
  put(scope: string, key: string, response: StoredResponse) {
    this.entries.set(`${scope}\n${key}`, response);
  }
  probe(): void {}
}
