import { interval, map, merge, share, Subject, type Observable } from 'rxjs';

/** Proxies commonly drop a connection after 30-60 s of silence; a comment every 15 s keeps it open. */
export const KEEPALIVE_MS = 15_000;

/**
 * One timer for every open stream (not one each), running only while a stream is open: each beat
 * sends every stream a keepalive comment and makes it check its token's expiry.
 */
export class SseHeartbeat {
  private readonly now = new Subject<void>();
  readonly beats: Observable<void>;

  constructor(readonly everyMs = KEEPALIVE_MS) {
    this.beats = merge(interval(everyMs).pipe(map(() => undefined)), this.now).pipe(share());
  }

  /** Beats at once, besides the interval (tests use it rather than wait 15 s). */
  beat(): void {
    this.now.next();
  }
}
