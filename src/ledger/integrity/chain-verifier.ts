import { GENESIS_HASH, type StoredEvent } from '../event-envelope';
import { hashEvent } from './hash-chain';

export type ChainProblemKind = 'altered' | 'removed' | 'inserted' | 'reordered';

export interface ChainProblem {
  kind: ChainProblemKind;
  streamId: string;
  /** The event at which the chain first fails (for 'removed': the first event after the gap). */
  eventId: string;
  revision: number;
  position: number;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** First problem per broken stream, in log order. */
  problems: ChainProblem[];
}

interface StreamTail {
  expectedRevision: number;
  lastHash: string;
  seen: Set<number>;
  broken: boolean;
  /** An event that skipped revisions: 'removed' unless a missing revision turns up later ('reordered'). */
  gap?: ChainProblem;
}

/**
 * Walks events in log order and names the first event of each stream whose chain fails.
 * Streams are checked independently, so one broken stream does not hide another.
 */
export class ChainVerifier {
  private readonly tails = new Map<string, StreamTail>();
  private readonly problems: ChainProblem[] = [];
  private events = 0;

  check(event: StoredEvent): void {
    this.events++;
    const tail = this.tails.get(event.streamId) ?? this.newTail(event.streamId);
    if (tail.gap) return this.resolveGap(event, tail);
    if (tail.broken) return;
    const problem = this.diagnose(event, tail);
    if (problem?.kind === 'removed') {
      tail.gap = problem;
      return;
    }
    if (problem) {
      tail.broken = true;
      this.problems.push(problem);
      return;
    }
    tail.seen.add(event.revision);
    tail.expectedRevision = event.revision + 1;
    tail.lastHash = event.integrity.hash;
  }

  report(): VerifyReport {
    for (const tail of this.tails.values()) this.closeGap(tail);
    return {
      ok: this.problems.length === 0,
      streamsChecked: this.tails.size,
      eventsChecked: this.events,
      problems: [...this.problems],
    };
  }

  private resolveGap(e: StoredEvent, tail: StreamTail): void {
    const gap = tail.gap!;
    if (e.revision >= tail.expectedRevision && e.revision < gap.revision) {
      this.problems.push({
        ...gap,
        kind: 'reordered',
        message: `event ${gap.eventId} (revision ${gap.revision}) comes before revision ${e.revision} in the log`,
      });
      tail.gap = undefined;
      tail.broken = true;
    }
  }

  private closeGap(tail: StreamTail): void {
    if (!tail.gap) return;
    this.problems.push(tail.gap);
    tail.gap = undefined;
    tail.broken = true;
  }

  private newTail(streamId: string): StreamTail {
    const tail = { expectedRevision: 0, lastHash: GENESIS_HASH, seen: new Set<number>(), broken: false };
    this.tails.set(streamId, tail);
    return tail;
  }

  private diagnose(e: StoredEvent, tail: StreamTail): ChainProblem | undefined {
    const at = { streamId: e.streamId, eventId: e.id, revision: e.revision, position: e.position };
    if (hashEvent(e, e.integrity.prevHash) !== e.integrity.hash) {
      return { kind: 'altered', ...at, message: `event ${e.id} (revision ${e.revision}) does not match its hash` };
    }
    if (e.revision > tail.expectedRevision) {
      return {
        kind: 'removed',
        ...at,
        message: `revisions ${tail.expectedRevision}..${e.revision - 1} are missing before event ${e.id}`,
      };
    }
    if (e.revision < tail.expectedRevision) {
      const kind = tail.seen.has(e.revision) ? 'inserted' : 'reordered';
      return {
        kind,
        ...at,
        message: `event ${e.id} has revision ${e.revision} where ${tail.expectedRevision} was expected`,
      };
    }
    if (e.integrity.prevHash !== tail.lastHash) {
      return {
        kind: 'inserted',
        ...at,
        message: `event ${e.id} does not link to the event before it (prevHash mismatch)`,
      };
    }
    return undefined;
  }
}

export async function verifyEvents(events: AsyncIterable<StoredEvent> | Iterable<StoredEvent>): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  for await (const e of events) verifier.check(e);
  return verifier.report();
}
