import type { Observable, Subscription } from 'rxjs';

export interface FeedSink<T> {
  next(value: T): void;
  complete(): void;
}

/**
 * A hot source subscribed at once and held until a sink attaches: a resuming stream subscribes
 * before it reads the log, so nothing committed while it reads is lost.
 */
export class LiveFeed<T> {
  private held: T[] = [];
  private sink?: FeedSink<T>;
  private ended = false;
  private readonly subscription: Subscription;

  constructor(source: Observable<T>) {
    this.subscription = source.subscribe({
      next: (value) => (this.sink ? this.sink.next(value) : this.held.push(value)),
      complete: () => {
        this.ended = true;
        this.sink?.complete();
      },
    });
  }

  /** What arrived so far, taken out (it will not be passed to the sink). */
  drain(): T[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  /** Passes on what is held, then everything that follows. */
  attach(sink: FeedSink<T>): void {
    this.sink = sink;
    for (const value of this.drain()) sink.next(value);
    if (this.ended) sink.complete();
  }

  close(): void {
    this.subscription.unsubscribe();
    this.held = [];
  }
}
