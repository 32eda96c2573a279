/**
 * The positions this adapter has handed out (the most recent `max`): each is one the server
 * returned, so it is safe to send back, and lastEventAtOrBefore answers a cursor it handed out
 * (a digest page's `next`, a checkpoint) with one forward read instead of a backwards scan of $all.
 */
export class ReturnedPositions {
  private readonly seen = new Set<number>();

  constructor(private readonly max = 100_000) {}

  note(position: number): void {
    if (this.seen.has(position)) return;
    this.seen.add(position);
    if (this.seen.size > this.max) this.seen.delete(this.seen.values().next().value!);
  }

  has(position: number): boolean {
    return this.seen.has(position);
  }
}
