/**
 * Runs one job at a time, in the order queued (the host has two cores: one build, the API on the
 * other). A key already waiting is not queued twice; a failing job never stops the queue.
 */
export class SerialQueue {
  private readonly waiting = new Set<string>();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly work: (key: string) => Promise<void>,
    private readonly onError: (key: string, err: unknown) => void,
  ) {}

  enqueue(key: string): void {
    if (this.waiting.has(key)) return;
    this.waiting.add(key);
    this.tail = this.tail.then(async () => {
      this.waiting.delete(key);
      try {
        await this.work(key);
      } catch (err) {
        this.onError(key, err);
      }
    });
  }

  /** Resolves once everything queued so far has run. */
  drained(): Promise<void> {
    return this.tail;
  }
}
