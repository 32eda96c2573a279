interface Waiter {
  target: number;
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Readers waiting for the log tree to cover a log position (head(upTo) right after an append):
 * each settles when a commit reaches its target, fails when the follower stops or finds a
 * mismatch, or times out. Targets are only compared with committed positions, never computed.
 */
export class PositionWaiters {
  private readonly waiting = new Set<Waiter>();

  /** Resolves once release() reaches `target`; rejects with `late()` (built then, with the facts of then) after `ms`. */
  wait(target: number, ms: number, late: () => Error): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(waiter, late()), ms);
      const waiter: Waiter = { target, resolve, reject, timer };
      this.waiting.add(waiter);
    });
  }

  /** The tree now covers `lastPosition`: every waiter at or before it is answered. */
  release(lastPosition: number): void {
    for (const w of this.waiting) if (lastPosition >= w.target) this.settle(w);
  }

  failAll(error: Error): void {
    for (const w of this.waiting) this.settle(w, error);
  }

  private settle(w: Waiter, error?: Error): void {
    if (!this.waiting.delete(w)) return;
    clearTimeout(w.timer);
    if (error) w.reject(error);
    else w.resolve();
  }
}
