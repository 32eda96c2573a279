/**
 * TEST SUPPORT — the in-memory log behind the EventStoreDB PROTOCOL FAKE (see ./index.ts).
 * This is not EventStoreDB: it models just the write rules and positions the adapter relies on,
 * as a real node reports them: byte offsets of records, with gaps, commit == prepare for every
 * event of an ordinary (implicit-transaction) append, user events starting past 4096.
 */
import { randomUUID } from 'node:crypto';

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface LoggedEvent extends ProposedEvent {
  streamName: string;
  revision: number;
  /** Equal to the prepare position: a real node reports commit == prepare for ordinary appends. */
  commitPosition: bigint;
  /** This event's own byte-offset-like position: unique, increasing, with gaps. */
  preparePosition: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  createdTicks: bigint;
}

export type Expected =
  { kind: 'any' } | { kind: 'no_stream' } | { kind: 'stream_exists' } | { kind: 'revision'; revision: number };

export type AppendOutcome =
  | { ok: true; currentRevision: number; position?: { commit: bigint; prepare: bigint }; idempotent: boolean }
  /** currentRevision undefined: the stream does not exist. */
  | { ok: false; currentRevision: number | undefined; expected: Expected };

const RECORD_OVERHEAD = 93n;
const ALIGN = 8n;
/** A fresh node's own records ($settings, users, scavenges, epochs) fill its first few KiB. */
const FIRST_USER_POSITION_AT_LEAST = 4096n;
const encoder = new TextEncoder();

/**
 * The server's size of one proposed event when checking MaxAppendSize (its Event.SizeOnDisk):
 * data + metadata + the event type counted twice (UTF-16).
 */
export function appendSizeOf(e: Pick<ProposedEvent, 'type' | 'data' | 'customMetadata'>): number {
  return e.data.length + e.customMetadata.length + e.type.length * 2;
}

export class FakeLog {
  /** The $all log, in order. */
  readonly all: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly listeners = new Set<() => void>();
  /** Where each record starts: the only positions a real node accepts for reading $all. */
  private readonly recordStarts = new Set<bigint>();
  private nextPosition = 0n;
  private userAppends = 0;

  constructor() {
    // A real node writes system records before any user event; so does the fake.
    this.writeSystemEvent('$settings', '$settings', { $userStreamAcl: {}, $systemStreamAcl: {} });
    this.writeSystemEvent('$users', '$UserCreated', 'admin');
    this.writeSystemEvent('$users', '$UserCreated', 'ops');
    this.writeSystemEvent('$scavenges', '$scavengeStarted', { scavengeId: randomUUID() });
    while (this.nextPosition < FIRST_USER_POSITION_AT_LEAST) {
      this.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected', {
        'proc-mem': Number(this.nextPosition),
        pad: 'x'.repeat(512),
      });
    }
  }

  /** The position just past the last record: where the next record will start. */
  get endPosition(): bigint {
    return this.nextPosition;
  }

  /**
   * Whether a real node would read $all from (commit, prepare): the start of a record (commit ==
   * prepare there) or the end of the log. Anything else is "Trying to read from an invalid position."
   */
  isReadablePosition(commit: bigint, prepare: bigint): boolean {
    return commit === prepare && (prepare === this.nextPosition || this.recordStarts.has(prepare));
  }

  stream(name: string): readonly LoggedEvent[] | undefined {
    return this.streams.get(name);
  }

  /** Called after every successful write (user or system). Returns the unsubscribe function. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * EventStoreDB's optimistic-concurrency and idempotent-write rules, as far as the fake goes:
   * - exact revision r (or no_stream = -1) equal to the current revision: written;
   * - r lower than current: if the events right after r carry the same ids in the same order the
   *   write is acknowledged as idempotent and nothing is written, otherwise WrongExpectedVersion;
   * - any: if the first id is already in the stream and all ids follow it in order, idempotent;
   *   a partial match is refused (the server's "corrupted idempotency"); otherwise written.
   */
  append(streamName: string, expected: Expected, events: ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const currentOrNone = stream.length ? current : undefined;
    const refuse = (): AppendOutcome => ({ ok: false, currentRevision: currentOrNone, expected });

    if (expected.kind === 'stream_exists' && !stream.length) return refuse();
    if (expected.kind === 'revision' || expected.kind === 'no_stream') {
      const r = expected.kind === 'revision' ? expected.revision : -1;
      if (r > current) return refuse();
      if (r < current) return this.idempotentAt(stream, r + 1, events) ?? refuse();
    }
    if (expected.kind === 'any' && events.length) {
      const at = stream.findIndex((e) => e.id === events[0].id);
      if (at !== -1) return this.idempotentAt(stream, at, events) ?? refuse();
    }
    if (!events.length) return { ok: true, currentRevision: current, idempotent: false };

    for (const e of events) this.write(streamName, stream, e);
    this.streams.set(streamName, stream);
    const last = stream[stream.length - 1];
    this.userAppends++;
    this.emitSystemNoise();
    this.notify();
    return {
      ok: true,
      currentRevision: last.revision,
      position: { commit: last.commitPosition, prepare: last.preparePosition },
      idempotent: false,
    };
  }

  private idempotentAt(stream: LoggedEvent[], from: number, events: ProposedEvent[]): AppendOutcome | undefined {
    if (!events.length) return undefined;
    const same = events.every((e, i) => stream[from + i]?.id === e.id);
    if (!same) return undefined;
    const last = stream[from + events.length - 1];
    return {
      ok: true,
      currentRevision: last.revision,
      position: { commit: last.commitPosition, prepare: last.preparePosition },
      idempotent: true,
    };
  }

  /**
   * After every user append the fake writes one system event, alternating between a
   * `$statsCollected` event in a `$stats-…` stream (a $-stream, as a real node does every few
   * seconds) and a `$>` link event in a stream WITHOUT a `$` (as a projection's linkTo into an
   * emitted stream does), so both skip rules of the adapter are exercised between user events.
   */
  private emitSystemNoise(): void {
    if (this.userAppends % 2 === 1) {
      this.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected', { 'proc-mem': 1024 * this.userAppends });
    } else {
      const target = this.all.filter((e) => !e.type.startsWith('$')).at(-1);
      const link = target ? `${target.revision}@${target.streamName}` : '0@nowhere';
      this.writeSystemEvent('fakeEmitted-links', '$>', link, 'application/octet-stream');
    }
  }

  private writeSystemEvent(streamName: string, type: string, body: unknown, contentType = 'application/json'): void {
    const stream = this.streams.get(streamName) ?? [];
    const data = encoder.encode(typeof body === 'string' ? body : JSON.stringify(body));
    this.write(streamName, stream, { id: randomUUID(), type, contentType, data, customMetadata: new Uint8Array() });
    this.streams.set(streamName, stream);
    this.notify();
  }

  private write(streamName: string, stream: LoggedEvent[], e: ProposedEvent): void {
    this.recordStarts.add(this.nextPosition);
    const logged: LoggedEvent = {
      ...e,
      streamName,
      revision: stream.length,
      commitPosition: this.nextPosition,
      preparePosition: this.nextPosition,
      createdTicks: BigInt(Date.now()) * 10_000n,
    };
    stream.push(logged);
    this.all.push(logged);
    // Byte-offset-like: the next record starts after this one, aligned, so positions have gaps.
    const size = RECORD_OVERHEAD + BigInt(streamName.length + e.type.length + e.data.length + e.customMetadata.length);
    this.nextPosition += ((size + ALIGN - 1n) / ALIGN) * ALIGN;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}
