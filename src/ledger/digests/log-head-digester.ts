import { Inject, Injectable, Optional } from '@nestjs/common';
import type { SignedDigest } from './signed-digest';
import { CLOCK, type Clock } from '../../shared/clock';
import type { StoredEvent } from '../event-envelope';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { EMPTY_TREE_ROOT, type StreamHead, StreamHeadsTree, toHex } from '../integrity/merkle';
import { IntegrityGate } from '../integrity/integrity-gate';
import { LOG_TREE, type LogTree } from '../log-tree/log-tree.port';
import { streamCategory, streamName } from '../stream-name';
import { signDigest } from './digest-signature';
import { LedgerDigest, digestIdFor } from './ledger-digest';
import { LogHasher } from './log-hash';
import { DIGEST_SIGNING_KEY, type SigningKey } from './signing-key';

const PAGE = 1000;

export interface LogHead {
  /** Position of the last event (-1 for an empty log), how many events, and their log hash. */
  position: number;
  eventCount: number;
  logHash: string;
  /** Whether anything but digests was written since the newest digest: nothing to say otherwise. */
  changedSinceLastDigest: boolean;
}

/**
 * Keeps the log hash running as the log grows (read once from the start, then only what is new)
 * and signs digests of the head. One process holds the running hash; catch-ups are serialised.
 */
@Injectable()
export class LogHeadDigester {
  private readonly hasher = new LogHasher();
  /** Each stream's last event as read so far: one entry per stream, for the stream-heads root a digest signs. */
  private readonly streamHeads = new Map<string, StreamHead>();
  private position = -1;
  private lastChange = -1;
  private lastDigestCovers = -1;
  private catchingUp: Promise<LogHead> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DIGEST_SIGNING_KEY) private readonly key: SigningKey,
    @Inject(LOG_TREE) private readonly tree: LogTree,
    /** Never signs over a ledger that failed its integrity check (absent where a digester is built by hand). */
    @Optional() private readonly gate?: IntegrityGate,
  ) {}

  /** The head as of now. Concurrent callers share one catch-up rather than racing on the running hash. */
  head(): Promise<LogHead> {
    this.catchingUp ??= this.catchUp().finally(() => {
      this.catchingUp = undefined;
    });
    return this.catchingUp;
  }

  /**
   * A digest of the head, signed now, committing to the log tree at exactly that head, to every
   * stream's last event there (the stream-heads tree, sorted once per digest), and to the log hash
   * (kept for verifiers that predate the tree); recording it is the command handler's job.
   */
  async sign(): Promise<SignedDigest> {
    await this.gate?.assertWritable();
    let head = await this.head();
    // The heads map is the one at `head` only while no later catch-up has moved on: taken in the same
    // synchronous step as that check (positions only grow), else read the newer head and try again.
    while (this.position !== head.position) head = await this.head();
    const heads = StreamHeadsTree.of(this.streamHeads);
    const { treeSize, treeRoot } = await this.treeAt(head);
    const recordedAt = this.clock.now().toISOString();
    return signDigest(
      {
        digestId: digestIdFor(head.position),
        position: head.position,
        eventCount: head.eventCount,
        logHash: head.logHash,
        recordedAt,
        treeSize,
        treeRoot,
        streamHeadsSize: heads.size,
        streamHeadsRoot: toHex(heads.root()),
      },
      this.key.privateKey,
    );
  }

  /**
   * The tree over exactly the events the head counts: its leaves up to the head's position, which
   * must be as many as the events this digester read itself (two independent readings of one log;
   * if they disagree, nothing is signed). The tree may already be further on: its root at that size.
   */
  private async treeAt(head: LogHead): Promise<{ treeSize: number; treeRoot: string }> {
    if (head.eventCount === 0) return { treeSize: 0, treeRoot: toHex(EMPTY_TREE_ROOT) };
    await this.tree.head(head.position);
    const treeSize = (await this.tree.leafIndexOf(head.position)) + 1;
    if (treeSize !== head.eventCount) throw new DigestTreeDisagreement(head, treeSize);
    return { treeSize, treeRoot: await this.tree.rootAt(treeSize) };
  }

  /** A recorded digest by its id (`head-<position>`) with its stream's revision, or undefined. */
  async find(digestId: string): Promise<(RecordedDigest & { revision: number }) | undefined> {
    if (!/^head-\d+$/.test(digestId)) return undefined;
    const [event] = await this.store.readStream(streamName(LedgerDigest.category, digestId), { maxCount: 1 });
    return event ? { ...recorded(event), revision: event.revision } : undefined;
  }

  /**
   * Recorded digests in log order, with who recorded them; `after` is a digest event's position
   * (paging). It comes from a client, so it may name no event: the page starts after the last event
   * at or before it (the store is only ever asked to read from a position it returned).
   */
  async list(after: number | undefined, limit: number): Promise<{ digests: RecordedDigest[]; next?: number }> {
    const from = after === undefined ? undefined : (await this.store.lastEventAtOrBefore(after))?.position;
    const events = await this.store.readAll({
      after: from,
      maxCount: limit,
      filter: { streamCategories: [LedgerDigest.category] },
    });
    const digests = events.map(recorded);
    return { digests, next: events.length === limit ? events.at(-1)!.position : undefined };
  }

  /** For the pack builder: the latest recorded digest whose position covers `position`. */
  async latestCovering(position: number): Promise<SignedDigest | undefined> {
    let found: SignedDigest | undefined;
    let after: number | undefined;
    for (;;) {
      const page = await this.store.readAll({
        after,
        maxCount: PAGE,
        filter: { streamCategories: [LedgerDigest.category] },
      });
      for (const e of page) {
        const d = LedgerDigest.codec.decode(e).data;
        if (d.position >= position) found = d;
      }
      if (page.length < PAGE) return found;
      after = page.at(-1)!.position;
    }
  }

  private async catchUp(): Promise<LogHead> {
    for (;;) {
      const page = await this.store.readAll({ after: this.position < 0 ? undefined : this.position, maxCount: PAGE });
      for (const e of page) this.take(e);
      if (page.length < PAGE) break;
    }
    return {
      position: this.position,
      eventCount: this.hasher.eventCount,
      logHash: this.hasher.current(),
      changedSinceLastDigest: this.lastChange > this.lastDigestCovers,
    };
  }

  private take(e: StoredEvent): void {
    this.hasher.add(e.integrity.hash);
    this.streamHeads.set(e.streamId, { revision: e.revision, hash: e.integrity.hash });
    this.position = e.position;
    if (streamCategory(e.streamId) !== LedgerDigest.category) this.lastChange = e.position;
    else this.lastDigestCovers = Math.max(this.lastDigestCovers, LedgerDigest.codec.decode(e).data.position);
  }
}

/** The log tree and the digester's own reading of the log count the head's events differently: refuse to sign. */
export class DigestTreeDisagreement extends Error {
  readonly code = 'digest-tree-disagreement';
  constructor(head: LogHead, treeSize: number) {
    super(
      `The log tree holds ${treeSize} leaves up to position ${head.position}, but the log ${head.eventCount} events: no digest is signed`,
    );
    this.name = 'DigestTreeDisagreement';
  }
}

export interface RecordedDigest {
  digest: SignedDigest;
  /** Where the digest event itself sits in the log, and who asked for it (a person or the scheduler). */
  eventPosition: number;
  recordedBy: StoredEvent['metadata']['actor'];
}

function recorded(e: StoredEvent): RecordedDigest {
  return { digest: LedgerDigest.codec.decode(e).data, eventPosition: e.position, recordedBy: e.metadata.actor };
}
