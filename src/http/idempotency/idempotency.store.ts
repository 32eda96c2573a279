import { systemClock, type Clock } from '../../shared/clock';

/** A response kept so a retried request with the same Idempotency-Key gets the same answer. */
export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  etag?: string;
}

/**
 * How long an answer is remembered (IDEMPOTENCY_RETENTION_HOURS), counted from when it was kept:
 * a row exists only once its request has been answered, so a request still in flight has none to
 * lose. Past the window a key is as if never seen; the time comes from the injected clock.
 */
export interface RetentionWindow {
  clock: Clock;
  hours: number;
}

export const DEFAULT_RETENTION: RetentionWindow = { clock: systemClock, hours: 24 };

/** The first instant still inside the window: answers kept before it are forgotten. */
export function windowStart({ clock, hours }: RetentionWindow): Date {
  return new Date(clock.now().getTime() - hours * 3_600_000);
}

/**
 * Embedded stores answer at once (SQLite, memory); a shared one (PostgreSQL) answers later. Callers
 * await either.
 */
export interface IdempotencyStore {
  /** The answer kept for the key inside the window; one kept before it counts as never seen. */
  get(scope: string, key: string): StoredResponse | undefined | Promise<StoredResponse | undefined>;
  /** The first answer kept inside the window wins; one past its window is replaced. */
  put(scope: string, key: string, response: StoredResponse): void | Promise<void>;
  /** Deletes the answers kept before the window; says how many. */
  prune(): number | Promise<number>;
  /** For /health: throws (or rejects with) a StoreUnavailableError when a record could not be kept now. */
  probe(): void | Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, { response: StoredResponse; keptAt: number }>();
  constructor(private readonly window: RetentionWindow = DEFAULT_RETENTION) {}

  get(scope: string, key: string) {
    const entry = this.entries.get(`${scope}\n${key}`);
    return entry && entry.keptAt >= windowStart(this.window).getTime() ? entry.response : undefined;
  }
  put(scope: string, key: string, response: StoredResponse) {
    if (this.get(scope, key)) return;
    this.entries.set(`${scope}\n${key}`, { response, keptAt: this.window.clock.now().getTime() });
  }
  prune(): number {
    const start = windowStart(this.window).getTime();
    let pruned = 0;
    for (const [k, entry] of this.entries) if (entry.keptAt < start && this.entries.delete(k)) pruned++;
    return pruned;
  }
  probe(): void {}
}
