import type { Actor } from '../ledger/event-envelope';

/** How many verified tokens are remembered at most (one per signed-in user and session, in practice). */
export const MAX_CACHED_TOKENS = 10_000;

/**
 * The actors of tokens already verified, keyed by the whole token (so a token differing in any byte,
 * signature included, is verified afresh), each until `until`: its expiry, or sooner (see
 * TokenVerifier). Bounded: when full, the entry stored longest ago is dropped. Never stores an
 * entry that is already over.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { actor: Actor; until: number }>();

  constructor(private readonly max = MAX_CACHED_TOKENS) {}

  /** The actor of `token` if it was verified and its time is not over at `now` (ms). */
  get(token: string, now: number): Actor | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (now >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.actor;
  }

  put(token: string, actor: Actor, until: number, now: number): void {
    if (until <= now) return;
    this.entries.delete(token); // re-stored: it moves to the newest end
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { actor, until });
  }

  get size(): number {
    return this.entries.size;
  }
}
