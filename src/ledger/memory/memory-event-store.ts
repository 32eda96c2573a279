import { Subject } from 'rxjs';
import type { Clock } from '../../shared/clock';
import type { NewEvent, StoredEvent } from '../event-envelope';
import { WrongExpectedRevisionError } from '../errors';
import type * as port from '../event-store.port';
import { NEW_STREAM_TAIL, sealEvents } from '../integrity/hash-chain';
import { matchesFilter } from '../log-filter';
import { pollingSubscription } from '../polling-subscription';
import { findPriorAppend } from '../idempotency';
import { readStreamSlice } from '../read-stream-slice';

/** For unit and integration tests: the whole log in an array, same contract as the real engines. */
export class MemoryEventStore implements port.EventStore {
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly appended$ = new Subject<void>();

  constructor(private readonly clock: Clock) {}

  async append(streamId: string, events: NewEvent[], expected: port.ExpectedRevision): Promise<port.AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const prior = findPriorAppend(stream, events);
    if (prior) return prior;
    const actual = stream.length ? stream.length - 1 : 'no_stream';
    if (expected === 'no_stream' ? actual !== 'no_stream' : expected !== 'any' && expected !== actual) {
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }
    if (events.length === 0) return { nextRevision: stream.length - 1, position: stream.at(-1)?.position ?? -1 };
    const tail = stream.length ? { revision: stream.length - 1, hash: stream.at(-1)!.integrity.hash } : NEW_STREAM_TAIL;
    const sealed = sealEvents(streamId, events, tail, this.clock.now().toISOString());
    for (const e of sealed) {
      const stored = structuredClone({ ...e, position: this.log.length });
      this.log.push(stored);
      stream.push(stored);
    }
    this.streams.set(streamId, stream);
    this.appended$.next();
    const last = stream.at(-1)!;
    return { nextRevision: last.revision, position: last.position };
  }

  async readStream(streamId: string, options: port.ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return structuredClone(readStreamSlice(this.streams.get(streamId) ?? [], options));
  }

  async readAll(options: port.ReadAllOptions = {}): Promise<StoredEvent[]> {
    const from = options.after === undefined ? 0 : this.countAtOrBefore(options.after);
    const out: StoredEvent[] = [];
    for (let i = from; i < this.log.length && out.length < (options.maxCount ?? Infinity); i++) {
      if (matchesFilter(this.log[i], options.filter)) out.push(this.log[i]);
    }
    return structuredClone(out);
  }

  async headPosition(): Promise<number | undefined> {
    return this.log.at(-1)?.position;
  }

  async lastEventAtOrBefore(position: number): Promise<StoredEvent | undefined> {
    const n = this.countAtOrBefore(position);
    return n ? structuredClone(this.log[n - 1]) : undefined;
  }

  /** How many events lie at or before `position` (binary search: positions are compared, never computed with). */
  private countAtOrBefore(position: number): number {
    let [lo, hi] = [0, this.log.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const atOrBefore = this.log[mid].position <= position;
      if (atOrBefore) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  subscribe(options?: port.SubscribeOptions): port.Subscription {
    return pollingSubscription((o) => this.readAll(o), this.appended$, options);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.appended$.complete();
  }
}
